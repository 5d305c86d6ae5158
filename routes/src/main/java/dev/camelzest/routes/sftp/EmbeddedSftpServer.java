package dev.camelzest.routes.sftp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An SFTP server (Apache MINA SSHD) for running without a partner's own: on loopback, serving one root directory,
 * with a host key generated once and kept in a file, and a known-hosts file written on start so that clients keep
 * host-key checking on. Users log in with a password or a public key.
 */
public final class EmbeddedSftpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSftpServer.class);

    private final Builder settings;
    private final SshServer server;
    private PublicKey hostKey;

    private EmbeddedSftpServer(Builder settings) {
        this.settings = settings;
        this.server = SshServer.setUpDefaultServer();
    }

    public static Builder builder() {
        return new Builder();
    }

    public EmbeddedSftpServer start() {
        try {
            Files.createDirectories(settings.rootDirectory);
            Files.createDirectories(settings.hostKeyFile.toAbsolutePath().getParent());
            SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(settings.hostKeyFile);
            hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
            hostKeys.setKeySize(256);
            server.setHost(settings.host);
            server.setPort(settings.port);
            server.setKeyPairProvider(hostKeys);
            server.setPasswordAuthenticator((user, password, session) -> passwordMatches(user, password));
            server.setPublickeyAuthenticator((user, key, session) -> keyAuthorized(user, key));
            server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
            server.setFileSystemFactory(new VirtualFileSystemFactory(settings.rootDirectory.toAbsolutePath()));
            server.start();
            hostKey = hostKeyOf(hostKeys);
            writeKnownHosts();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the SFTP server on " + settings.host, e);
        }
        LOG.info("SFTP server listening on {}:{}, root {}, known hosts in {}", settings.host, port(),
                settings.rootDirectory, settings.knownHostsFile);
        return this;
    }

    private static PublicKey hostKeyOf(SimpleGeneratorHostKeyProvider hostKeys) throws IOException {
        for (KeyPair pair : hostKeys.loadKeys(null)) {
            return pair.getPublic();
        }
        throw new IOException("No SFTP host key was generated");
    }

    private boolean passwordMatches(String user, String password) {
        String expected = settings.passwords.get(user);
        return expected != null && password != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), password.getBytes(StandardCharsets.UTF_8));
    }

    private boolean keyAuthorized(String user, PublicKey key) {
        return settings.publicKeys.getOrDefault(user, List.of()).stream()
                .anyMatch(authorized -> KeyUtils.compareKeys(authorized, key));
    }

    private void writeKnownHosts() throws IOException {
        Path file = settings.knownHostsFile;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String line = "[" + settings.host + "]:" + port() + " " + PublicKeyEntry.toString(hostKey) + "\n";
        Files.writeString(file, line, StandardCharsets.US_ASCII);
    }

    public String host() {
        return settings.host;
    }

    public int port() {
        return ((InetSocketAddress) server.getBoundAddresses().iterator().next()).getPort();
    }

    public Path rootDirectory() {
        return settings.rootDirectory;
    }

    /** A known_hosts file with this server's host key, for clients that check host keys. */
    public Path knownHostsFile() {
        return settings.knownHostsFile;
    }

    public PublicKey hostKey() {
        return hostKey;
    }

    @Override
    public void close() {
        try {
            server.stop(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings of an embedded SFTP server; the defaults keep it on loopback with a random free port. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Path rootDirectory;
        private Path hostKeyFile;
        private Path knownHostsFile;
        private final Map<String, String> passwords = new HashMap<>();
        private final Map<String, List<PublicKey>> publicKeys = new HashMap<>();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder rootDirectory(Path rootDirectory) {
            this.rootDirectory = rootDirectory;
            return this;
        }

        /** Where the host key is kept; generated on first start (default: {@code <root>/../sftp-host-key.pem}). */
        public Builder hostKeyFile(Path hostKeyFile) {
            this.hostKeyFile = hostKeyFile;
            return this;
        }

        /** Where the known-hosts line is written (default: beside the host key, {@code known_hosts}). */
        public Builder knownHostsFile(Path knownHostsFile) {
            this.knownHostsFile = knownHostsFile;
            return this;
        }

        public Builder passwordUser(String user, String password) {
            passwords.put(user, Objects.requireNonNull(password, "password"));
            return this;
        }

        public Builder publicKeyUser(String user, PublicKey key) {
            publicKeys.computeIfAbsent(user, u -> new ArrayList<>()).add(key);
            return this;
        }

        public EmbeddedSftpServer build() {
            Objects.requireNonNull(rootDirectory, "rootDirectory");
            Path base = rootDirectory.toAbsolutePath().getParent();
            if (hostKeyFile == null) {
                hostKeyFile = base.resolve("sftp-host-key.pem");
            }
            if (knownHostsFile == null) {
                knownHostsFile = hostKeyFile.toAbsolutePath().resolveSibling("known_hosts");
            }
            return new EmbeddedSftpServer(this);
        }
    }
}
