package dev.camelzest.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.ZestSandbox;

/**
 * The Zest sandbox in-process, standing in for Zest when no {@code zest.base-url} is configured: on a free
 * loopback port, its state kept in the data directory (so the ledger and Zest agree across restarts), with a
 * partner key pair generated once, and Zest's back office played by timers (requests approved, funded
 * subscriptions completed).
 */
final class EmbeddedZest implements AutoCloseable {

    static final String CLIENT_ID = "camel-zest-demo";
    /** The demo partner's own API base URL, the assertions' {@code iss}. */
    static final String ISSUER = "https://camel-zest-demo.invalid";

    private final ZestSandbox sandbox;
    private final Path privateKeyFile;

    private EmbeddedZest(ZestSandbox sandbox, Path privateKeyFile) {
        this.sandbox = sandbox;
        this.privateKeyFile = privateKeyFile;
    }

    static EmbeddedZest start(Path dataDirectory, String webhookUrl, String webhookSecret, Duration approveAfter,
                              Duration completeAfter) throws IOException {
        Files.createDirectories(dataDirectory);
        ZestSandbox sandbox = ZestSandbox.builder()
                .stateFile(dataDirectory.resolve("zest-sandbox-state.json"))
                .webhookUrl(webhookUrl)
                .webhookSecret(webhookSecret)
                .webhookTimeScale(0.1)
                .autoApproveAfter(approveAfter)
                .autoCompleteAfter(completeAfter)
                .build().start();
        Path keyFile = dataDirectory.resolve("zest-demo-partner.pem");
        Path publicKeyFile = dataDirectory.resolve("zest-demo-partner.pub.pem");
        if (!Files.exists(keyFile) || !Files.exists(publicKeyFile)) {
            PartnerCredentials partner = PartnerCredentials.generate(CLIENT_ID);
            Files.writeString(publicKeyFile, partner.publicKeyPem(), StandardCharsets.US_ASCII);
            writePrivate(keyFile, partner.privateKeyPem());
        }
        sandbox.registerPartner(CLIENT_ID, Files.readString(publicKeyFile, StandardCharsets.US_ASCII));
        return new EmbeddedZest(sandbox, keyFile);
    }

    private static void writePrivate(Path file, String pem) throws IOException {
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the file keeps the default permissions
        }
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    Path privateKeyFile() {
        return privateKeyFile;
    }

    ZestSandbox sandbox() {
        return sandbox;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
