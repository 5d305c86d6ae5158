package dev.camelzest.routes.support;

import org.apache.camel.model.RouteTemplateDefinition;

/** What the SFTP templates share: the login and host-key parameters, and the endpoint options they make. */
public final class SftpSupport {

    /** The connection options of an {@code sftp:} endpoint, from the parameters of {@link #parameters}. */
    public static final String CONNECTION = "username={{username}}"
            + "&password=RAW({{?password}})"
            + "&privateKeyFile={{?privateKeyFile}}"
            + "&privateKeyPassphrase=RAW({{?privateKeyPassphrase}})"
            + "&knownHostsFile={{?knownHostsFile}}"
            + "&strictHostKeyChecking={{strictHostKeyChecking}}"
            + "&useUserKnownHostsFile={{useUserKnownHostsFile}}"
            + "&binary=true";

    private SftpSupport() {
    }

    public static RouteTemplateDefinition parameters(RouteTemplateDefinition template) {
        return template
                .templateParameter("host", null, "SFTP server host")
                .templateParameter("port", "22", "SFTP server port")
                .templateParameter("username", null, "SFTP user")
                .templateOptionalParameter("password", "Password login (secret)")
                .templateOptionalParameter("privateKeyFile", "Private key login: the key file")
                .templateOptionalParameter("privateKeyPassphrase", "Passphrase of the private key (secret)")
                .templateOptionalParameter("knownHostsFile",
                        "known_hosts file holding the server's host key (default: the user's ~/.ssh/known_hosts)")
                .templateParameter("strictHostKeyChecking", "yes",
                        "Refuse servers whose host key is not in the known hosts (yes) or accept any (no)")
                .templateParameter("useUserKnownHostsFile", "true",
                        "Also trust the user's ~/.ssh/known_hosts when no knownHostsFile is given");
    }
}
