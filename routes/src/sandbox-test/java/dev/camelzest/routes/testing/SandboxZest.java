package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** The zest: endpoint of the investor import, pointed at a sandbox as one of its partners. */
public final class SandboxZest {

    public static final String INVESTORS = "/v1/investors";

    private SandboxZest() {
    }

    /** {@code zest:bulkCreateInvestors} as the sandbox's default partner, its key in a file under {@code dir}. */
    public static String bulkCreateInvestorsUri(ZestSandboxExtension sandbox, Path dir) {
        return bulkCreateInvestorsUri(sandbox, sandbox.partner(), dir);
    }

    public static String bulkCreateInvestorsUri(ZestSandboxExtension sandbox, PartnerCredentials partner, Path dir) {
        return uri(sandbox, partner, "bulkCreateInvestors", dir);
    }

    /** {@code zest:<operation>} as the sandbox's default partner, its key in a file under {@code dir}. */
    public static String uri(ZestSandboxExtension sandbox, String operation, Path dir) {
        return uri(sandbox, sandbox.partner(), operation, dir);
    }

    public static String uri(ZestSandboxExtension sandbox, PartnerCredentials partner, String operation, Path dir) {
        Path key = dir.resolve(partner.clientId() + "-key.pem");
        try {
            Files.createDirectories(dir);
            Files.writeString(key, partner.privateKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "zest:" + operation + "?baseUrl=RAW(" + sandbox.baseUrl() + ")"
                + "&audience=RAW(" + sandbox.audience() + ")"
                + "&clientId=RAW(" + partner.clientId() + ")"
                + "&issuer=RAW(" + partner.issuer() + ")"
                + "&privateKey=RAW(file:" + key.toAbsolutePath() + ")";
    }

    /** The bulkCreateInvestors calls the sandbox received, in order. */
    public static List<RecordedRequest> bulkCalls(ZestSandboxExtension sandbox) {
        return calls(sandbox, "POST", INVESTORS);
    }

    /** The calls of one method and path the sandbox received, in order. */
    public static List<RecordedRequest> calls(ZestSandboxExtension sandbox, String method, String path) {
        return sandbox.admin().requests().stream()
                .filter(request -> method.equals(request.method()) && path.equals(request.path()))
                .toList();
    }
}
