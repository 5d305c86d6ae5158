package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** maxConcurrentCalls: partner calls above it are answered 429 with Retry-After, as a rate-limited Zest would. */
class ConcurrencyLimitTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @AfterEach
    void liftTheLimit() {
        SANDBOX.admin().maxConcurrentCalls(0);
    }

    @Test
    void aCallAboveTheLimitIsAnswered429WithRetryAfterAndTheNextOneAfterwardsIsServed() throws Exception {
        Session session = Session.afterReset(SANDBOX);
        TestHttp http = session.http();
        SANDBOX.admin().maxConcurrentCalls(1);
        String slowPath = "/v1/spv-requests/spvr_slow";
        SANDBOX.admin().injectFault("GET", slowPath, 0, 1, 3_000, true);

        CompletableFuture<TestHttp.Response> slow = slowCall(http, slowPath, session.token());
        TestHttp.Response refused = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (refused == null && System.nanoTime() < deadline) {
            if (slow.isDone() && slow.join().status() == 429) {
                slow = slowCall(http, slowPath, session.token()); // it came while a probe held the one slot
                continue;
            }
            // the probes go one after the other: one refused means the slow call held the slot
            TestHttp.Response probe = http.get("/v1/spv-requests", session.token());
            if (probe.status() == 429) {
                refused = probe;
            }
        }

        assertTrue(refused != null, "a call while another is in progress is refused");
        assertEquals("rate_limited", refused.code());
        assertEquals("1", refused.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(404, slow.get(10, TimeUnit.SECONDS).status(), "the slow call itself is served");
        assertEquals(200, http.get("/v1/spv-requests", session.token()).status(), "the slot is free again");
    }

    private static CompletableFuture<TestHttp.Response> slowCall(TestHttp http, String path, String token) {
        return CompletableFuture.supplyAsync(() -> http.get(path, token));
    }

    @Test
    void noLimitByDefault() {
        Session session = Session.afterReset(SANDBOX);
        assertEquals(0, SANDBOX.sandbox().context().settings().maxConcurrentCalls());
        SANDBOX.admin().injectFault("GET", "/v1/spv-requests", 0, 4, 500, true);

        var calls = java.util.stream.IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> session.http().get("/v1/spv-requests",
                        session.token())))
                .toList();

        assertFalse(calls.stream().map(CompletableFuture::join).anyMatch(response -> response.status() == 429));
    }
}
