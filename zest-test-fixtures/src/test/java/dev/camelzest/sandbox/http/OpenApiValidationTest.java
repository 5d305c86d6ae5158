package dev.camelzest.sandbox.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxSettings;
import dev.camelzest.sandbox.state.SandboxState;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The framework's OpenAPI validation with operations mounted the way the sandbox mounts them: body
 * schema checked by the document, or left to the handler (per-row answers) with the rest still checked.
 */
class OpenApiValidationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static Vertx vertx;
    private static String baseUrl;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create());
        OperationDispatcher dispatcher = new OperationDispatcher(vertx, Clock.systemUTC(),
                new BearerAuthenticator(new SandboxState(), Clock.systemUTC()), OpenApiValidation.load(),
                new Faults(1), new RequestLog(), new SandboxSettings(Duration.ofHours(1), 1000));
        ApiHandler echo = request -> ApiResponse.ok(Map.of("received", request.jsonBody()));
        new Operations(router, dispatcher)
                .mount(HttpMethod.POST, "/v1/investors", Access.PUBLIC, BodyValidation.HANDLER, echo)
                .mount(HttpMethod.POST, "/v1/spvs/{spv_slug}/subscriptions", Access.PUBLIC,
                        BodyValidation.OPENAPI_SCHEMA, echo);
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        baseUrl = "http://127.0.0.1:" + server.actualPort();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void schemaModeAnswersOneValidationErrorPerProblem() throws Exception {
        HttpResponse<String> response = post("/v1/spvs/veh_1/subscriptions", "application/json",
                "{\"subscriptions\": [{\"zestPersonId\": 5, \"lumpSum\": {\"currency\": \"USD\", \"value\": \"1\"}}]}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode error = json(response);
        assertEquals("validation_error", error.get("code").asText());
        Map<String, JsonNode> byField = new LinkedHashMap<>();
        error.get("validationErrors").forEach(item -> byField.put(item.get("field").asText(), item));
        assertEquals("type", byField.get("subscriptions[0].zestPersonId").get("code").asText());
        assertEquals(5, byField.get("subscriptions[0].zestPersonId").get("value").asInt());
        assertEquals("required", byField.get("subscriptions[0].shareClassSlug").get("code").asText());
        assertTrue(byField.get("subscriptions[0].shareClassSlug").get("value").isNull());
        assertEquals(2, byField.size(), error::toString);
    }

    @Test
    void handlerModeLeavesTheRowsToTheHandler() throws Exception {
        String body = "{\"investors\": [{\"email\": 3}]}";
        HttpResponse<String> response = post("/v1/investors", "application/json", body);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(3, json(response).get("received").get("investors").get(0).get("email").asInt());
    }

    @Test
    void handlerModeStillChecksContentTypeSyntaxAndPresence() throws Exception {
        assertInvalidRequest(post("/v1/investors", "text/plain", "{}"));
        assertInvalidRequest(post("/v1/investors", "application/json", "{\"investors\": ["));
        assertInvalidRequest(post("/v1/investors", "application/json", ""));
    }

    private static void assertInvalidRequest(HttpResponse<String> response) throws IOException {
        assertEquals(400, response.statusCode(), response.body());
        assertEquals("invalid_request", json(response).get("code").asText());
    }

    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return Json.readTree(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
