package dev.camelzest.sandbox.http;

import java.time.Instant;

/** One call the sandbox answered, as GET /sandbox/requests lists it; {@code traceparent} as the caller sent it (W3C). */
public record RecordedCall(String method, String path, String idempotencyKey, int status, String clientId,
                           Instant at, String traceparent) {
}
