package dev.camelzest.component.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.model.TokenResponse;
import dev.camelzest.fixtures.time.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The token cache on a clock the test moves: when it refreshes, that one caller does, and what a 401 does. */
class AccessTokenProviderTest {

    private static final Instant START = Instant.parse("2026-05-07T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final CountingSource source = new CountingSource();
    private final AccessTokenProvider tokens = new AccessTokenProvider(source, clock);
    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    @Test
    void anHourTokenIsReusedUntilAMinuteBeforeExpiryThenRefreshed() throws Exception {
        source.lifetimeSeconds = 3600;
        String first = tokens.accessToken();
        Instant expiry = START.plusSeconds(3600);

        clock.set(expiry.minusSeconds(60).minusMillis(1));
        assertEquals(first, tokens.accessToken(), "still well before expiry");
        assertEquals(1, source.exchanges.get());

        clock.set(expiry.minusSeconds(60));
        String second = tokens.accessToken();
        assertFalse(first.equals(second), "refreshed 60 s before expiry, while the old one is still valid");
        assertEquals(2, source.exchanges.get());
    }

    @Test
    void aShortTokenIsRefreshedATenthOfItsLifeBeforeExpiry() throws Exception {
        source.lifetimeSeconds = 20;
        String first = tokens.accessToken();

        clock.set(START.plusSeconds(18).minusMillis(1));
        assertEquals(first, tokens.accessToken());
        clock.set(START.plusSeconds(18));
        assertFalse(first.equals(tokens.accessToken()));
        assertEquals(2, source.exchanges.get());
    }

    @Test
    void concurrentCallersWithoutATokenShareOneExchange() throws Exception {
        source.gate = new CountDownLatch(1);
        List<Future<String>> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(pool.submit(tokens::accessToken));
        }
        assertTrue(source.entered.await(10, TimeUnit.SECONDS));
        source.gate.countDown();

        for (Future<String> caller : callers) {
            assertEquals("token-1", caller.get(10, TimeUnit.SECONDS));
        }
        assertEquals(1, source.exchanges.get());
    }

    @Test
    void whileOneCallerRefreshesAheadOfExpiryTheOthersKeepTheValidToken() throws Exception {
        String first = tokenInItsLastMinute();
        source.gate = new CountDownLatch(1);
        source.entered = new CountDownLatch(1);

        Future<String> refreshing = pool.submit(tokens::accessToken);
        assertTrue(source.entered.await(10, TimeUnit.SECONDS), "one caller is refreshing");
        assertEquals(first, tokens.accessToken(), "another caller does not wait for it");
        source.gate.countDown();

        assertEquals("token-2", refreshing.get(10, TimeUnit.SECONDS));
        assertEquals("token-2", tokens.accessToken());
        assertEquals(2, source.exchanges.get());
    }

    @Test
    void aRejectedTokenIsDroppedAndTheNextCallGetsANewOne() throws Exception {
        String first = tokens.accessToken();

        tokens.invalidate(first);
        String second = tokens.accessToken();

        assertFalse(first.equals(second));
        assertEquals(2, source.exchanges.get());
        tokens.invalidate(first);
        assertSame(second, tokens.accessToken(), "a stale rejection does not drop the newer token");
        assertEquals(2, source.exchanges.get());
    }

    @Test
    void aFailedRefreshAheadOfExpiryKeepsTheValidTokenOnlyWhenRetryable() throws Exception {
        String first = tokenInItsLastMinute();

        source.failure = ZestApiException.fromResponse("exchangeToken", 503, "unavailable", null, "down", null);
        assertEquals(first, tokens.accessToken(), "Zest briefly down: the still-valid token is used");

        source.failure = ZestApiException.fromResponse("exchangeToken", 401, "invalid_client", null, "revoked", null);
        assertEquals(401, assertThrows(ZestApiException.class, tokens::accessToken).getStatusCode());

        clock.set(START.plusSeconds(3600));
        source.failure = ZestApiException.fromResponse("exchangeToken", 503, "unavailable", null, "down", null);
        assertThrows(ZestApiException.class, tokens::accessToken, "an expired token is never used");
    }

    /** An hour token, with the clock moved to 30 s before its expiry: inside the refresh window, still valid. */
    private String tokenInItsLastMinute() throws ZestApiException {
        String token = tokens.accessToken();
        clock.set(START.plusSeconds(3600 - 30));
        return token;
    }

    /** Issues token-1, token-2, ...; can hold an exchange at a gate, or fail. */
    private static final class CountingSource implements TokenSource {
        final AtomicInteger exchanges = new AtomicInteger();
        volatile long lifetimeSeconds = 3600;
        volatile CountDownLatch gate;
        volatile CountDownLatch entered = new CountDownLatch(1);
        volatile ZestApiException failure;

        @Override
        public TokenResponse exchange() throws ZestApiException {
            if (failure != null) {
                throw failure;
            }
            entered.countDown();
            if (gate != null) {
                try {
                    if (!gate.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never opened the gate");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return new TokenResponse("token-" + exchanges.incrementAndGet(), "Bearer", lifetimeSeconds, null);
        }
    }
}
