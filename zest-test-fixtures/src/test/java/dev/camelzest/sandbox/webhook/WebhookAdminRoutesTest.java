package dev.camelzest.sandbox.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/** The webhook admin API over real HTTP, mounted on a router as the sandbox mounts it. */
class WebhookAdminRoutesTest {

    private static final String SECRET = "whsec_9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Vertx vertx;
    private static HttpServer server;
    private static WebhookOutbox outbox;
    private static String baseUrl;
    private WebhookReceiver receiver;

    @BeforeAll
    static void startServer() {
        vertx = Vertx.vertx();
        outbox = new WebhookOutbox(vertx, WebhookSettings.unconfigured());
        Router router = Router.router(vertx);
        WebhookAdminRoutes.mount(router, outbox);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
        baseUrl = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stopServer() {
        outbox.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new WebhookReceiver(SECRET);
        outbox.configure(WebhookSettings.unconfigured());
        outbox.clear();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void putConfiguresDeliveryAndNeverEchoesTheSecret() throws Exception {
        HttpResponse<String> response = send("PUT", "/sandbox/webhooks", JSON.writeValueAsString(Map.of(
                "url", receiver.url(), "secret", SECRET, "timeScale", 0.001, "duplicate", false, "shuffle", false)));

        assertEquals(200, response.statusCode());
        assertFalse(response.body().contains(SECRET), response.body());
        JsonNode view = JSON.readTree(response.body());
        assertAll(
                () -> assertEquals(receiver.url(), view.get("url").asText()),
                () -> assertTrue(view.get("secretConfigured").asBoolean()),
                () -> assertEquals(0.001, view.get("timeScale").asDouble()));
        assertEquals(view, JSON.readTree(send("GET", "/sandbox/webhooks", null).body()));
        assertEquals(new WebhookSettings(receiver.url(), SECRET, 0.001, false, false), outbox.settings());
    }

    @Test
    void putKeepsAbsentFieldsAndNullRemovesTheUrl() throws Exception {
        outbox.configure(new WebhookSettings(receiver.url(), SECRET, 0.5, false, false));

        send("PUT", "/sandbox/webhooks", "{\"duplicate\":true}");
        assertEquals(new WebhookSettings(receiver.url(), SECRET, 0.5, true, false), outbox.settings());

        send("PUT", "/sandbox/webhooks", "{\"url\":null}");
        assertEquals(new WebhookSettings(null, SECRET, 0.5, true, false), outbox.settings());
    }

    @Test
    void listsDeliveriesByStatus() throws Exception {
        outbox.publish("investor.created", Map.of("zestPersonId", "psn_abc123"), null);
        send("PUT", "/sandbox/webhooks", "{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + SECRET + "\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> outbox.deliveries(DeliveryStatus.DELIVERED).size() == 1);
        outbox.configure(outbox.settings().withEndpoint(null, SECRET));
        outbox.publish("investor.created", Map.of("zestPersonId", "psn_def456"), null);

        JsonNode delivered = getJson("/sandbox/deliveries?status=delivered");
        JsonNode pending = getJson("/sandbox/deliveries?status=pending");
        JsonNode all = getJson("/sandbox/deliveries");

        assertEquals(1, delivered.size());
        assertEquals(1, pending.size());
        assertEquals(2, all.size());
        JsonNode first = delivered.get(0);
        assertAll(
                () -> assertEquals("delivered", first.get("status").asText()),
                () -> assertTrue(first.get("id").asText().startsWith("dlv_")),
                () -> assertEquals(1, first.get("attempts").asInt()),
                () -> assertEquals(200, first.get("lastStatusCode").asInt()),
                () -> assertTrue(first.get("deliveredAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")),
                () -> assertEquals(receiver.bodies().get(0), first.get("body").asText()),
                () -> assertEquals("pending", pending.get(0).get("status").asText()),
                () -> assertEquals(first, getJson("/sandbox/deliveries/" + first.get("id").asText())));
    }

    @Test
    void replaysADeadDelivery() throws Exception {
        receiver.failAlways(500);
        outbox.configure(new WebhookSettings(receiver.url(), SECRET, 0.00001, false, false));
        outbox.publish("spv_request.completed", Map.of("spvRequestSlug", "svr_a1b2c3"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/sandbox/deliveries?status=dead").size() == 1);
        String id = getJson("/sandbox/deliveries?status=dead").get(0).get("id").asText();
        receiver.succeed();

        HttpResponse<String> replay = send("POST", "/sandbox/deliveries/" + id + "/replay", null);

        assertEquals(200, replay.statusCode());
        assertEquals("pending", JSON.readTree(replay.body()).get("status").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> getJson("/sandbox/deliveries?status=delivered").size() == 1);
        assertEquals(7, receiver.calls().size());
        assertEquals(receiver.bodies().get(0), receiver.bodies().get(6));
    }

    @Test
    void answersErrorsInTheZestEnvelope() throws Exception {
        outbox.publish("investor.created", Map.of(), null);
        String pendingId = outbox.deliveries(null).get(0).id();

        assertError(send("GET", "/sandbox/deliveries?status=lost", null), 400, "invalid_request");
        assertError(send("GET", "/sandbox/deliveries/dlv_0000000000000000", null), 404, "not_found");
        assertError(send("POST", "/sandbox/deliveries/dlv_0000000000000000/replay", null), 404, "not_found");
        assertError(send("POST", "/sandbox/deliveries/" + pendingId + "/replay", null), 409, "conflict");
        assertError(send("PUT", "/sandbox/webhooks", "{not json"), 400, "invalid_request");
        assertError(send("PUT", "/sandbox/webhooks", "[]"), 400, "invalid_request");
        assertError(send("PUT", "/sandbox/webhooks", "{\"url\":\"" + receiver.url() + "\"}"), 400, "invalid_request");
        assertError(send("PUT", "/sandbox/webhooks", "{\"timeScale\":0}"), 400, "invalid_request");
        assertError(send("PUT", "/sandbox/webhooks", "{\"timescale\":0.5}"), 400, "invalid_request");
        assertError(send("PUT", "/sandbox/webhooks", "{\"shuffle\":\"yes\"}"), 400, "invalid_request");
        assertEquals(WebhookSettings.unconfigured(), outbox.settings());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse(null));
        JsonNode envelope = JSON.readTree(response.body());
        assertEquals(code, envelope.get("code").asText());
        assertFalse(envelope.get("detail").asText().isBlank());
        assertTrue(envelope.get("errorId").asText().matches("[0-9a-f-]{36}"), response.body());
    }

    private static JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", path, null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String method, String path, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
