package dev.camelzest.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

import dev.camelzest.routes.sftp.EmbeddedSftpServer;

/**
 * An SFTP server on loopback standing in for the partner's own when no {@code sftp.host} is configured: its
 * root is {@code sftp/} in the working directory, its host key is kept in the data directory and written to a
 * known-hosts file the routes check it against, and the user {@code zest} gets a new password each start, written to {@code <data>/sftp-password}.
 */
final class EmbeddedSftp implements AutoCloseable {

    static final String USER = "zest";

    private final EmbeddedSftpServer server;
    private final String password;
    private final Path passwordFile;

    private EmbeddedSftp(EmbeddedSftpServer server, String password, Path passwordFile) {
        this.server = server;
        this.password = password;
        this.passwordFile = passwordFile;
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
        Path passwordFile = dataDirectory.resolve("sftp-password");
        Files.writeString(passwordFile, password + System.lineSeparator());
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
        return new EmbeddedSftp(server, password, passwordFile);
    }

    EmbeddedSftpServer server() {
        return server;
    }

    /** Where the user's password is written for a person to log in with. */
    Path passwordFile() {
        return passwordFile;
    }

    String password() {
        return password;
    }

    @Override
    public void close() {
        server.close();
    }
}
