package dev.camelzest.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

import dev.camelzest.sandbox.webhook.WebhookSigner;

/**
 * Zest's side of the webhooks: signed events posted to the replicas' webhook ports, and each delivery retried until
 * a replica answers 2xx, as Zest does (at a faster pace): a 409 (another replica routes the event), a 5xx or a
 * replica that does not answer (killed) are tried again on the next replica, as a load balancer would.
 */
final class SignedWebhooks {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final WebhookSigner signer;
    private final String path;
    /** The webhook port of replica i, as it is now (a restarted replica listens on a new port). */
    private final IntFunction<Integer> ports;
    private final int replicas;

    SignedWebhooks(String secret, String path, IntFunction<Integer> ports, int replicas) {
        this.signer = new WebhookSigner(secret);
        this.path = path;
        this.ports = ports;
        this.replicas = replicas;
    }

    /** An spv_request event (the ledger records it); {@code created} ones stay pending and are reconciled. */
    static String event(String eventId, String type, String slug, Instant occurredAt) {
        String status = type.equals("spv_request.created") ? "pending-review" : "completed";
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + type + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"data\":{\"spvRequestSlug\":\"" + slug + "\",\"templateId\":\"tpl_spv_standard\","
                + "\"templateVersion\":\"1\",\"status\":\"" + status + "\"}}";
    }

    /** Delivers the event until a replica takes it, starting with {@code replica}; completes with its status. */
    CompletableFuture<Integer> deliver(String body, int replica, Instant deadline) {
        return post(body, replica).handle((status, failure) -> failure == null ? status : -1)
                .thenCompose(status -> {
                    if (status >= 200 && status < 300) {
                        return CompletableFuture.completedFuture(status);
                    }
                    if (Instant.now().isAfter(deadline)) {
                        return CompletableFuture.failedFuture(new AssertionError("not taken before the deadline: "
                                + body + " (last answer " + status + ")"));
                    }
                    int next = (replica + 1) % replicas;
                    return CompletableFuture.supplyAsync(() -> null,
                            CompletableFuture.delayedExecutor(RETRY_PAUSE.toMillis(),
                                    java.util.concurrent.TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> deliver(body, next, deadline));
                });
    }

    private CompletableFuture<Integer> post(String body, int replica) {
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.apply(replica) + path))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/json")
                .header(WebhookSigner.HEADER, signer.signatureHeader(Instant.now().getEpochSecond(), raw))
                .POST(HttpRequest.BodyPublishers.ofByteArray(raw)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    static List<Integer> statuses(List<CompletableFuture<Integer>> deliveries) {
        return deliveries.stream().map(CompletableFuture::join).toList();
    }
}
