package dev.camelzest.sandbox.state;

import java.time.Instant;

/**
 * A stored first response to an Idempotency-Key: the request's fingerprint (hash of method, path and
 * canonical body) and the exact status, content type and body bytes sent.
 */
public record IdempotencyRecord(String fingerprint, int status, String contentType, byte[] body,
                                Instant storedAt) {
}
