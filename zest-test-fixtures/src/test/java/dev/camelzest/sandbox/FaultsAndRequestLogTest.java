package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** Injected faults before and after commit, delays, and the request log. */
class FaultsAndRequestLogTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private TestHttp http;
    private String token;

    @BeforeEach
    void freshSandbox() {
        Session session = Session.afterReset(SANDBOX);
        http = session.http();
        token = session.token();
    }

    @Test
    void beforeCommitFaultFailsTheCallWithoutItsEffect() {
        SANDBOX.admin().injectFault("POST", "/v1/spv-requests", 503, 2, 0, false);
        String key = UUID.randomUUID().toString();
        String body = Samples.spvRequest(http).toString();

        TestHttp.Response first = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
        TestHttp.Response second = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
        TestHttp.Response third = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);

        assertEquals(503, first.status());
        assertEquals("service_unavailable", first.code());
        assertEquals(503, second.status());
        assertEquals(201, third.status(), third.body());
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());
    }

    @Test
    void aFaultAtARateStrikesAboutThatShareOfTheCalls() {
        SANDBOX.admin().injectFault("GET", "/v1/oauth2/info", 503, 1_000, 0, false, 0.25);

        long struck = 0;
        for (int i = 0; i < 400; i++) {
            struck += http.get("/v1/oauth2/info", token).status() == 503 ? 1 : 0;
        }

        // 100 expected; the bounds are over seven standard deviations away
        assertTrue(struck > 40 && struck < 160, "struck " + struck + " of 400");
    }

    @Test
    void afterCommitFaultKeepsTheEffectAndARetryWithTheSameKeyReplaysIt() {
        SANDBOX.admin().injectFault("POST", "/v1/spv-requests", 500, 1, 0, true);
        String key = UUID.randomUUID().toString();
        String body = Samples.spvRequest(http).toString();

        TestHttp.Response failed = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
        assertEquals(500, failed.status());
        assertEquals("internal_error", failed.code());
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());

        TestHttp.Response retried = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
        assertEquals(201, retried.status());
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());
        assertEquals(1, SANDBOX.sandbox().events().events().size());
    }

    @Test
    void delayedAnswerAfterCommitTimesTheClientOutButTheEffectIsThere() {
        SANDBOX.admin().injectFault("POST", "/v1/spv-requests", 0, 1, 1_000, true);
        var request = http.request("/v1/spv-requests", token)
                .timeout(Duration.ofMillis(200))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Samples.spvRequest(http).toString()));

        Exception timeout = assertThrows(Exception.class, () -> http.send(request));
        assertTrue(timeout.getCause() instanceof HttpTimeoutException, timeout::toString);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> http.get("/v1/spv-requests", token).json().get("count").asInt() == 1);
    }

    @Test
    void delayOnlyFaultHoldsTheAnswerBack() {
        SANDBOX.admin().injectFault("GET", "/public/hc", 0, 1, 300, false);
        long start = System.nanoTime();
        TestHttp.Response response = http.get("/public/hc", null);
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(200, response.status());
        assertTrue(elapsedMs >= 300, () -> "answered after " + elapsedMs + " ms");
    }

    @Test
    void prefixPathsMethodsAndClearing() {
        SANDBOX.admin().injectFault("GET", "/v1/spv-requests/**", 502, 5, 0, false);
        assertEquals(502, http.get("/v1/spv-requests/svr_x", token).status());
        assertEquals(502, http.get("/v1/spv-requests", token).status());
        assertEquals(404, http.delete("/v1/spv-requests/svr_x", token).status());
        assertEquals(200, http.get("/public/hc", null).status());

        SANDBOX.admin().clearFaults();
        assertEquals(404, http.get("/v1/spv-requests/svr_x", token).status());
    }

    @Test
    void faultsCanHitTheTokenEndpoint() {
        SANDBOX.admin().injectFault("POST", "/v1/oauth2/tokens", 503, 1, 0, false);
        assertEquals(503, http.exchange(SANDBOX.partner().mintAssertion(SANDBOX.audience())).status());
        assertEquals(201, http.exchange(SANDBOX.partner().mintAssertion(SANDBOX.audience())).status());
    }

    @Test
    void requestLogListsEveryApiCallInOrderButNoAdminCalls() {
        String key = UUID.randomUUID().toString();
        http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(), "Idempotency-Key", key);
        http.get("/v1/spv-requests/svr_missing", token);

        List<RecordedRequest> requests = SANDBOX.admin().requests();

        // reset, then: token exchange, sample read, create, get
        assertEquals(4, requests.size(), requests::toString);
        RecordedRequest exchange = requests.get(0);
        assertEquals("POST", exchange.method());
        assertEquals("/v1/oauth2/tokens", exchange.path());
        assertEquals(201, exchange.status());
        assertEquals(SANDBOX.partner().clientId(), exchange.clientId());
        RecordedRequest sample = requests.get(1);
        assertEquals("GET", sample.method());
        assertNull(sample.clientId());
        RecordedRequest create = requests.get(2);
        assertEquals("/v1/spv-requests", create.path());
        assertEquals(key, create.idempotencyKey());
        assertEquals(201, create.status());
        assertEquals(SANDBOX.partner().clientId(), create.clientId());
        assertEquals(404, requests.get(3).status());
        assertTrue(!create.at().isBefore(exchange.at()));

        SANDBOX.admin().reset();
        assertEquals(List.of(), SANDBOX.admin().requests());
    }
}
