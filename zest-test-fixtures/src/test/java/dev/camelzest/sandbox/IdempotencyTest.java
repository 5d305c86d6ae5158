package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** Idempotency-Key on POST /v1/spv-requests: replay byte for byte, conflict, scope, failures not stored. */
class IdempotencyTest {

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
    void sameKeyAndSameBodyReplaysTheFirstAnswerByteForByteWithoutSideEffects() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Samples.spvRequest(http);
        TestHttp.Response first = http.post("/v1/spv-requests", token, body.toString(), "Idempotency-Key", key);
        assertEquals(201, first.status(), first.body());

        // the same body with other key order and whitespace is the same canonical body
        String reordered = "{ \"attributes\" : " + body.get("attributes").toPrettyString()
                + ", \"templateVersion\": \"1.0.0\", \"templateId\": \"syndicate_secondary\" }";
        TestHttp.Response replay = http.post("/v1/spv-requests", token, reordered, "Idempotency-Key", key);

        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());
        assertEquals(1, SANDBOX.sandbox().events().events().size());
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflictAndLeavesTheOriginal() {
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(),
                "Idempotency-Key", key);
        ObjectNode changed = Samples.spvRequest(http, attributes -> attributes.put("deal_name", "Another deal"));

        TestHttp.Response conflict = http.post("/v1/spv-requests", token, changed.toString(), "Idempotency-Key", key);

        assertEquals(409, conflict.status());
        assertEquals("conflict", conflict.code());
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());
        TestHttp.Response replay = http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(),
                "Idempotency-Key", key);
        assertEquals(first.body(), replay.body());
    }

    @Test
    void keysAreScopedPerClient() {
        String key = UUID.randomUUID().toString();
        String body = Samples.spvRequest(http).toString();
        PartnerCredentials other = PartnerCredentials.generate("second-partner");
        SANDBOX.admin().registerPartner(other.clientId(), other.publicKeyPem());
        String otherToken = http.token(other, SANDBOX.audience());

        TestHttp.Response mine = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
        TestHttp.Response theirs = http.post("/v1/spv-requests", otherToken, body, "Idempotency-Key", key);

        assertEquals(201, mine.status());
        assertEquals(201, theirs.status());
        assertNotEquals(mine.json().get("spvRequestSlug"), theirs.json().get("spvRequestSlug"));
    }

    @Test
    void concurrentCallsWithOneKeyCreateOneRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Samples.spvRequest(http).toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> http.post("/v1/spv-requests", token, body, "Idempotency-Key", key)));
            }
            Set<String> createdBodies = new HashSet<>();
            for (Future<TestHttp.Response> call : calls) {
                TestHttp.Response response = call.get(30, TimeUnit.SECONDS);
                if (response.status() == 201) {
                    createdBodies.add(response.body());
                } else {
                    assertEquals(409, response.status(), response.body());
                }
            }
            assertEquals(1, createdBodies.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, http.get("/v1/spv-requests", token).json().get("count").asInt());
    }

    @Test
    void concurrentCallsWithOwnKeysAllSucceed() throws Exception {
        String body = Samples.spvRequest(http).toString();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<TestHttp.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(pool.submit(() -> http.post("/v1/spv-requests", token, body,
                        "Idempotency-Key", UUID.randomUUID().toString())));
            }
            for (Future<TestHttp.Response> call : calls) {
                assertEquals(201, call.get(30, TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, http.get("/v1/spv-requests", token).json().get("count").asInt());
    }

    @Test
    void aFailedRequestIsNotStoredSoItsKeyCanBeRetried() {
        String key = UUID.randomUUID().toString();
        ObjectNode invalid = Samples.spvRequest(http, attributes -> attributes.remove("deal_name"));
        assertEquals(400, http.post("/v1/spv-requests", token, invalid.toString(), "Idempotency-Key", key).status());

        TestHttp.Response retried = http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(),
                "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried.body());
    }
}
