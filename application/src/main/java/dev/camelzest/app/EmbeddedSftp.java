package dev.camelzest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.camelzest.routes.sftp.EmbeddedSftpServer;

/**
 * An SFTP server on loopback standing in for the partner's own when no {@code sftp.host} is configured: its
 * root is {@code sftp/} in the working directory, its host key is kept in the data directory and written to a
 * known-hosts file the routes check it against, and the user {@code zest} gets a new password each start.
 */
final class EmbeddedSftp implements AutoCloseable {

    static final String USER = "zest";

    private final EmbeddedSftpServer server;
    private final String password;

    private EmbeddedSftp(EmbeddedSftpServer server, String password) {
        this.server = server;
        this.password = password;
    }

    static EmbeddedSftp start(Path rootDirectory, Path dataDirectory, int port) throws Exception {
        Files.createDirectories(rootDirectory);
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        String password = HexFormat.of().formatHex(random);
        EmbeddedSftpServer server = EmbeddedSftpServer.builder()
                .rootDirectory(rootDirectory)
                .port(port)
                .hostKeyFile(dataDirectory.resolve("sftp-host-key.pem"))
                .knownHostsFile(dataDirectory.resolve("sftp-known-hosts"))
                .passwordUser(USER, password)
                .build().start();
        return new EmbeddedSftp(server, password);
    }

    EmbeddedSftpServer server() {
        return server;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        server.close();
    }
}
