package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** POST /sandbox/reset and PUT /sandbox/settings. */
class ResetAndSettingsTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private final TestHttp http = new TestHttp(SANDBOX.baseUrl());

    @Test
    void resetClearsDataTokensAndIdempotencyButKeepsPartners() {
        String token = http.token(SANDBOX.partner(), SANDBOX.audience());
        String key = UUID.randomUUID().toString();
        String body = Samples.spvRequest(http).toString();
        String firstSlug = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key)
                .json().get("spvRequestSlug").asText();

        SANDBOX.admin().reset();

        assertEquals(401, http.get("/v1/spv-requests", token).status());
        String newToken = http.token(SANDBOX.partner(), SANDBOX.audience());
        assertEquals(0, http.get("/v1/spv-requests", newToken).json().get("count").asInt());
        assertEquals(404, http.get("/v1/spv-requests/" + firstSlug, newToken).status());
        TestHttp.Response again = http.post("/v1/spv-requests", newToken, body, "Idempotency-Key", key);
        assertEquals(201, again.status());
        assertEquals(1, SANDBOX.sandbox().events().events().size());
    }

    @Test
    void settingsChangeTheTokenLifetime() {
        SANDBOX.admin().settings(Duration.ofSeconds(42), null);
        assertEquals(42, http.exchange(SANDBOX.partner().mintAssertion(SANDBOX.audience()))
                .json().get("expiresIn").asInt());
        assertEquals(1000, SANDBOX.sandbox().context().settings().maxInvestorsPerCall());

        SANDBOX.admin().settings(null, 25);
        assertEquals(25, SANDBOX.sandbox().context().settings().maxInvestorsPerCall());
        assertEquals(Duration.ofSeconds(42), SANDBOX.sandbox().context().settings().tokenTtl());
        SANDBOX.admin().settings(Duration.ofHours(1), 1000);
    }

    @Test
    void invalidSettingsAreRejected() {
        TestHttp.Response response = http.send(http.request("/sandbox/settings", null)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"tokenTtlSeconds\": 0}")));
        assertEquals(400, response.status());
        assertEquals("invalid_request", response.code());
    }
}
