package dev.camelzest.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Token efficiency: 8 concurrent producers make 10,000 authenticated calls with a 60 s token lifetime; the
 * sandbox counts the token exchanges. The goal is one per lifetime that the run spans. The component renews a
 * token a tenth of its lifetime early, so a run spanning several lifetimes ({@code -Dtoken.ttlSeconds=2
 * -Dtoken.calls=20000}) may use one exchange per nine tenths of a lifetime, never more.
 */
class TokenEfficiencyBenchmark {

    private static final int TTL_SECONDS = Integer.getInteger("token.ttlSeconds", 60);

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(
            options -> options.tokenTtl(Duration.ofSeconds(TTL_SECONDS)));

    @TempDir
    Path temp;

    @Test
    void eightProducersShareOneTokenPerLifetime() throws Exception {
        int calls = Integer.getInteger("token.calls", 10_000);
        SANDBOX.admin().reset();
        Path key = temp.resolve("partner.pem");
        Files.writeString(key, SANDBOX.partner().privateKeyPem(), StandardCharsets.US_ASCII);
        String uri = "zest:listSpvRequests?baseUrl=RAW(" + SANDBOX.baseUrl() + ")&audience=RAW(" + SANDBOX.audience()
                + ")&clientId=RAW(" + SANDBOX.partner().clientId() + ")&issuer=RAW(" + SANDBOX.partner().issuer()
                + ")&privateKey=RAW(file:" + key + ")";
        ExecutorService producers = Executors.newFixedThreadPool(8);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            ProducerTemplate template = camel.createProducerTemplate();
            long started = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < 8; p++) {
                work.add(producers.submit(() -> {
                    for (int i = 0; i < calls / 8; i++) {
                        template.requestBody(uri, (Object) null);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long exchanges = SANDBOX.admin().requests().stream()
                    .filter(r -> r.method().equals("POST") && r.path().equals("/v1/oauth2/tokens")).count();
            long lifetimes = (long) Math.ceil(seconds / TTL_SECONDS);
            long mostExpected = (long) Math.ceil(seconds / (TTL_SECONDS * 0.9));
            Figures.report(String.format("tokens ttl=%ds calls=%d producers=8 seconds=%.1f calls/s=%.0f "
                    + "tokenExchanges=%d lifetimesSpanned=%d", TTL_SECONDS, calls, seconds, calls / seconds, exchanges,
                    lifetimes));
            assertTrue(exchanges <= mostExpected, exchanges + " token exchanges in " + lifetimes + " lifetimes");
        } finally {
            producers.shutdownNow();
        }
    }
}
