package dev.camelzest.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.camelzest.sandbox.state.IdempotencyRecord;
import dev.camelzest.sandbox.state.IdempotencyStore;

/**
 * The Idempotency-Key semantics of Zest's JSON writes (sandbox README, *Idempotency*), as a decorator of a handler:
 * {@code idempotency.required(new CreateSpvRequest(...))}.
 *
 * <ul>
 * <li>Keys are scoped per client for 24 h. The request's fingerprint is the SHA-256 of method, path and
 * the canonical body (sorted keys, UTF-8): reusing a key on another endpoint counts as a different
 * body.</li>
 * <li>Same key, same fingerprint: the stored first answer is sent again byte for byte with its status;
 * the handler does not run, so there are no side effects and no webhooks.</li>
 * <li>Same key, different fingerprint: 409 {@code conflict}; the stored answer stays.</li>
 * <li>Only successful (2xx) answers are stored: a request that failed can be retried with its key and
 * runs again, which is what a client retrying after a 5xx needs.</li>
 * <li>A second request with a key whose first request is still running gets 409 {@code conflict}
 * (the docs are silent; answering it in parallel could apply the effect twice).</li>
 * </ul>
 */
public final class Idempotency {

    public static final Duration TTL = Duration.ofHours(24);
    private static final int PURGE_EVERY = 1024;

    private final IdempotencyStore store;
    private final Clock clock;
    private final ConcurrentHashMap<String, String> inFlight = new ConcurrentHashMap<>();
    private volatile int storedSincePurge;

    public Idempotency(IdempotencyStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The key must be present: 400 invalid_request without it (POST /v1/spv-requests). */
    public ApiHandler required(ApiHandler handler) {
        return request -> {
            String key = request.idempotencyKey()
                    .orElseThrow(() -> ApiException.invalidRequest("Idempotency-Key header is required."));
            return run(key, request, handler);
        };
    }

    /** The key is optional; without one the request simply runs (POST /v1/investors, subscriptions). */
    public ApiHandler optional(ApiHandler handler) {
        return request -> {
            Optional<String> key = request.idempotencyKey();
            return key.isPresent() ? run(key.get(), request, handler) : handler.handle(request);
        };
    }

    private ApiResponse run(String key, ApiRequest request, ApiHandler handler) {
        String storeKey = IdempotencyStore.key(request.requireClientId(), key);
        String fingerprint = fingerprint(request);
        Optional<ApiResponse> replay = replay(storeKey, fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (inFlight.putIfAbsent(storeKey, fingerprint) != null) {
            throw ApiException.conflict("A request with this Idempotency-Key is still being processed.");
        }
        try {
            replay = replay(storeKey, fingerprint); // it may have finished between the two looks
            if (replay.isPresent()) {
                return replay.get();
            }
            ApiResponse response = handler.handle(request);
            if (response.isSuccess()) {
                Instant now = clock.instant();
                store.put(storeKey, new IdempotencyRecord(fingerprint, response.status(), response.contentType(),
                        response.body(), now));
                purgeNowAndThen(now);
            }
            return response;
        } finally {
            inFlight.remove(storeKey);
        }
    }

    private Optional<ApiResponse> replay(String storeKey, String fingerprint) {
        Instant now = clock.instant();
        Optional<IdempotencyRecord> stored = store.find(storeKey)
                .filter(r -> r.storedAt().plus(TTL).isAfter(now));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = stored.get();
        if (!record.fingerprint().equals(fingerprint)) {
            throw ApiException.conflict("Idempotency-Key was already used with a different request body.");
        }
        return Optional.of(new ApiResponse(record.status(), record.contentType(), record.body()));
    }

    private void purgeNowAndThen(Instant now) {
        if (++storedSincePurge < PURGE_EVERY) {
            return;
        }
        storedSincePurge = 0;
        store.removeIf(r -> !r.storedAt().plus(TTL).isAfter(now));
    }

    static String fingerprint(ApiRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.method().name() + ' ' + request.path() + '\n').getBytes(StandardCharsets.UTF_8));
            digest.update(request.hasBody() ? Json.canonical(request.jsonBody()) : new byte[0]);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
