package dev.camelzest.routes.testing;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** The test SFTP user of the templates' tests: password login, host-key checking on against the server's file. */
public final class SftpLogin {

    public static final String USER = "acme";
    public static final String PASSWORD = "secret";

    private SftpLogin() {
    }

    public static EmbeddedSftpServer server(java.nio.file.Path root) throws Exception {
        return EmbeddedSftpServer.builder().rootDirectory(root).passwordUser(USER, PASSWORD).build().start();
    }

    /** The SFTP parameters of a template, logging in to the server as the test user. */
    public static TemplatedRouteBuilder to(TemplatedRouteBuilder template, EmbeddedSftpServer sftp) {
        return template
                .parameter("host", sftp.host())
                .parameter("port", String.valueOf(sftp.port()))
                .parameter("username", USER)
                .parameter("password", PASSWORD)
                .parameter("knownHostsFile", sftp.knownHostsFile().toString())
                .parameter("useUserKnownHostsFile", "false");
    }
}
