package dev.camelzest.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.component.webhook.ZestWebhookSignature;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook ingress: signed events posted to the verified, de-duplicated consumer ({@code webhook:zest:events})
 * versus a bare platform-http route that answers 200, on the same server, by the same load generator: the
 * throughput with 16 calls in flight, and the acknowledgement latency at a fixed 500 events/s. Loopback only,
 * bounded in count.
 */
class WebhookIngressBenchmark {

    private static final String SECRET = "whsec_benchmark0123456789abcdef";
    private static final int IN_FLIGHT = 16;

    @TempDir
    Path temp;

    @Test
    void verifiedConsumerAgainstABareRoute() throws Exception {
        int events = Integer.getInteger("webhook.events", 20_000);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            camel.addService(new VertxPlatformHttpServer(server));
            camel.getPropertiesComponent().addInitialProperty("secret", SECRET);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webhook:zest:events?webhookComponentName=platform-http&webhookPath=/zest"
                         + "&webhookSecret=RAW({{secret}})&webhookDataDirectory=" + temp.resolve("ids"))
                            .routeId("verified").setBody(constant("ok"));
                    from("platform-http:/bare").routeId("bare").setBody(constant("ok"));
                }
            });
            camel.start();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port;
            throughput(client, base + "/bare", 2000, "warm");
            throughput(client, base + "/zest", 2000, "warm");
            double bare = throughput(client, base + "/bare", events, "bare");
            double verified = throughput(client, base + "/zest", events, "verified");
            Figures.report(String.format("webhook throughput events=%d verified=%.0f/s bare=%.0f/s ratio=%s",
                    events, verified, bare, Figures.ratio(verified, bare)));
            latency(client, base + "/bare", "bare");
            latency(client, base + "/zest", "verified");
        }
    }

    private static double throughput(HttpClient client, String url, int count, String run) throws Exception {
        List<HttpRequest> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            requests.add(signed(url, run));
        }
        Semaphore slots = new Semaphore(IN_FLIGHT);
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>(count);
        long started = System.nanoTime();
        for (HttpRequest request : requests) {
            slots.acquire();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, e) -> {
                if (e != null || response.statusCode() / 100 != 2) {
                    failures.incrementAndGet();
                }
                slots.release();
            }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double perSecond = count / ((System.nanoTime() - started) / 1e9);
        assertEquals(0, failures.get(), run + " failures");
        return perSecond;
    }

    /** 500 events a second for 10 s (5,000 events): each acknowledgement's latency, then p50 and p99. */
    private static void latency(HttpClient client, String url, String run) throws Exception {
        int count = 5000;
        long intervalNanos = 2_000_000;
        long[] latencies = new long[count];
        List<CompletableFuture<?>> calls = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            HttpRequest request = signed(url, run + "-latency");
            int index = i;
            long sent = System.nanoTime();
            calls.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenAccept(response -> latencies[index] = System.nanoTime() - sent));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        Arrays.sort(latencies);
        Figures.report(String.format("webhook latency %s at 500/s: p50=%.2f ms p99=%.2f ms", run,
                latencies[count / 2] / 1e6, latencies[count * 99 / 100] / 1e6));
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private static HttpRequest signed(String url, String run) {
        String eventId = "wde_" + run + "_" + SEQUENCE.incrementAndGet();
        byte[] body = ("{\"eventId\":\"" + eventId + "\",\"eventType\":\"investor.created\",\"occurredAt\":\""
                + Instant.now() + "\",\"data\":{\"partnerInvestorId\":\"acme-" + eventId + "\",\"zestPersonId\":"
                + "\"psn_x\",\"email\":\"a@example.com\",\"firstName\":\"A\",\"lastName\":\"B\",\"kycManagedBy\":"
                + "\"partner\"}}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(ZestWebhookSignature.HEADER, ZestWebhookSignature.sign(SECRET, Instant.now().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }
}
