package dev.camelzest.sandbox.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import dev.camelzest.sandbox.http.Json;

/**
 * An HTTP client of the sandbox's admin API under {@code /sandbox/} (no auth). Maps are the JSON bodies.
 * Works against any running sandbox: {@code new SandboxAdminClient("http://127.0.0.1:8080")}.
 * A non-2xx answer throws {@link AdminCallFailed} with the status and body.
 */
public final class SandboxAdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** One API call the sandbox received, as GET /sandbox/requests lists it. */
    public record RecordedRequest(String method, String path, String idempotencyKey, int status, String clientId,
                                  Instant at, String traceparent) {
    }

    /** An admin call answered with a non-2xx status. */
    public static final class AdminCallFailed extends RuntimeException {
        private final int status;
        private final String body;

        AdminCallFailed(String call, int status, String body) {
            super(call + " answered " + status + ": " + body);
            this.status = status;
            this.body = body;
        }

        public int status() {
            return status;
        }

        public String body() {
            return body;
        }
    }

    private final String baseUrl;
    private final HttpClient http;

    public SandboxAdminClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    /** Approves a pending SPV request; returns the SPV request with materialisedRefs and feesAndCarry. */
    public Map<String, Object> approve(String spvRequestSlug) {
        return asMap(call("POST", "/sandbox/spv-requests/" + encode(spvRequestSlug) + "/approve", Map.of()));
    }

    public Map<String, Object> reject(String spvRequestSlug, String reason) {
        return asMap(call("POST", "/sandbox/spv-requests/" + encode(spvRequestSlug) + "/reject",
                Map.of("reason", reason)));
    }

    /** Moves a subscription to completed, as Zest's back office does once the wire is reconciled. */
    public Map<String, Object> completeSubscription(String spvSlug, String personId) {
        return asMap(call("POST", "/sandbox/spvs/" + encode(spvSlug) + "/subscriptions/" + encode(personId)
                + "/complete", Map.of()));
    }

    /** Webhook deliveries, optionally only those in one status: delivered, pending or dead. */
    public List<Map<String, Object>> deliveries(String statusOrNull) {
        String query = statusOrNull == null ? "" : "?status=" + encode(statusOrNull);
        return asList(call("GET", "/sandbox/deliveries" + query, null));
    }

    public void replay(String deliveryId) {
        call("POST", "/sandbox/deliveries/" + encode(deliveryId) + "/replay", Map.of());
    }

    public void configureWebhooks(String url, String secret, double timeScale, boolean duplicate, boolean shuffle) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("secret", secret);
        body.put("timeScale", timeScale);
        body.put("duplicate", duplicate);
        body.put("shuffle", shuffle);
        call("PUT", "/sandbox/webhooks", body);
    }

    /**
     * Fails the next {@code count} calls matching method and path (a path ending in {@code /**} matches
     * the paths under it) with {@code status} (0: no error, only the delay). With {@code afterCommit}
     * the effect is committed first and then the answer replaced; {@code delayMs} delays the answer.
     */
    public void injectFault(String method, String path, int status, int count, long delayMs, boolean afterCommit) {
        injectFault(method, path, status, count, delayMs, afterCommit, 1.0);
    }

    /** The same, striking only a {@code rate} share of the matching calls, at random: a steady fault mix. */
    public void injectFault(String method, String path, int status, int count, long delayMs, boolean afterCommit,
                            double rate) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rate", rate);
        body.put("method", method);
        body.put("path", path);
        body.put("status", status);
        body.put("count", count);
        body.put("delayMs", delayMs);
        body.put("afterCommit", afterCommit);
        call("POST", "/sandbox/faults", body);
    }

    public void clearFaults() {
        call("DELETE", "/sandbox/faults", null);
    }

    /** Every API call received since start or the last reset, in order. */
    public List<RecordedRequest> requests() {
        return Json.mapper().convertValue(asList(call("GET", "/sandbox/requests", null)),
                new TypeReference<List<RecordedRequest>>() { });
    }

    /** Clears all data, tokens, faults and the request log; keeps the registered partners. */
    public void reset() {
        call("POST", "/sandbox/reset", Map.of());
    }

    /** Changes the token lifetime and/or the investor rows per call; null leaves a setting unchanged. */
    public void settings(Duration tokenTtl, Integer maxInvestorsPerCall) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tokenTtlSeconds", tokenTtl == null ? null : tokenTtl.toSeconds());
        body.put("maxInvestorsPerCall", maxInvestorsPerCall);
        call("PUT", "/sandbox/settings", body);
    }

    /** Partner calls the sandbox serves at once, 429 with Retry-After above; 0 lifts the limit. */
    public void maxConcurrentCalls(int max) {
        call("PUT", "/sandbox/settings", Map.of("maxConcurrentCalls", max));
    }

    public void registerPartner(String clientId, String publicKeyPem) {
        call("POST", "/sandbox/partners", Map.of("clientId", clientId, "publicKeyPem", publicKeyPem));
    }

    private String call(String method, String path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.writeString(body)));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AdminCallFailed(method + " " + path, response.statusCode(), response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + path, e);
        }
    }

    private static Map<String, Object> asMap(String json) {
        return read(json, new TypeReference<Map<String, Object>>() { });
    }

    private static List<Map<String, Object>> asList(String json) {
        return read(json, new TypeReference<List<Map<String, Object>>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("the sandbox answered no JSON: " + json, e);
        }
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
