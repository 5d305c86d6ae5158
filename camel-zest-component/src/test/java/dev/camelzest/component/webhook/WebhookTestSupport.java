package dev.camelzest.component.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import dev.camelzest.component.SuiteSecrets;
import org.apache.camel.CamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;

/** A Camel context with a platform-http server on a free loopback port, and a client that posts signed events. */
abstract class WebhookTestSupport extends CamelTestSupport {

    static final String SECRET = "whsec_0123456789abcdef";
    static final String NEW_SECRET = "whsec_fedcba9876543210";
    static final String PATH = "/zest/events";

    static {
        SuiteSecrets.register(SECRET);
        SuiteSecrets.register(NEW_SECRET);
    }

    final int port = AvailablePortFinder.getNextAvailable();
    // HTTP/1.1, as webhook deliveries come
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        prepare(camelContext, port);
        return camelContext;
    }

    static void prepare(CamelContext camelContext, int port) {
        WebhookServers.prepare(camelContext, port, NEW_SECRET + "," + SECRET);
    }

    static String event(String eventId, String eventType, String data) {
        return "{\"eventId\":\"" + eventId + "\",\"eventType\":\"" + eventType
               + "\",\"occurredAt\":\"2026-05-07T12:00:00.123Z\",\"data\":" + data + "}";
    }

    static String signature(String secret, String body) {
        return ZestWebhookSignature.sign(secret, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String body, String signatureHeader, String contentType) throws IOException, InterruptedException {
        return post(port, body, signatureHeader, contentType);
    }

    HttpResponse<String> post(int toPort, String body, String signatureHeader, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signatureHeader != null) {
            request.header(ZestWebhookSignature.HEADER, signatureHeader);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts the body chunked: no Content-Length announces its size. */
    HttpResponse<String> postChunked(String body, String signatureHeader) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .header(ZestWebhookSignature.HEADER, signatureHeader)
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postSigned(String body) throws IOException, InterruptedException {
        return post(body, signature(SECRET, body), "application/json");
    }

    CompletableFuture<HttpResponse<String>> postSignedAsync(String body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return postSigned(body);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
