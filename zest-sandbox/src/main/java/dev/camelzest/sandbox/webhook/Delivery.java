package dev.camelzest.sandbox.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * One delivery of one event to the partner's endpoint, as the outbox records it. Immutable: every
 * attempt makes a new value. Serialisable with any Jackson ObjectMapper (the state file, the admin API).
 *
 * @param id             {@code dlv_} + 16 hex; what the admin API replays
 * @param eventId        {@code wde_} + 16 hex; the same on every attempt, replay and duplicate of the event
 * @param eventType      e.g. {@code spv_request.created}
 * @param occurredAt     when the event happened (the envelope's {@code occurredAt})
 * @param body           the exact JSON envelope sent, byte for byte (UTF-8), on every attempt
 * @param status         pending, delivered or dead
 * @param attempts       attempts made in the current cycle (a replay starts a new cycle at 0)
 * @param lastStatusCode the HTTP status of the last attempt; null before any or after a connection failure
 * @param lastError      why the last attempt failed; null when it succeeded or none was made
 * @param nextAttemptAt  when the next retry is due; null when none is scheduled
 * @param createdAt      when the outbox recorded the delivery
 * @param deliveredAt    when an attempt succeeded; null otherwise
 */
@JsonPropertyOrder({"id", "eventId", "eventType", "occurredAt", "status", "attempts", "lastStatusCode", "lastError",
        "nextAttemptAt", "createdAt", "deliveredAt", "body"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Delivery(
        String id,
        String eventId,
        String eventType,
        @JsonSerialize(using = ZestTimestamp.Serializer.class) @JsonDeserialize(using = ZestTimestamp.Deserializer.class)
        Instant occurredAt,
        String body,
        DeliveryStatus status,
        int attempts,
        Integer lastStatusCode,
        String lastError,
        @JsonSerialize(using = ZestTimestamp.Serializer.class) @JsonDeserialize(using = ZestTimestamp.Deserializer.class)
        Instant nextAttemptAt,
        @JsonSerialize(using = ZestTimestamp.Serializer.class) @JsonDeserialize(using = ZestTimestamp.Deserializer.class)
        Instant createdAt,
        @JsonSerialize(using = ZestTimestamp.Serializer.class) @JsonDeserialize(using = ZestTimestamp.Deserializer.class)
        Instant deliveredAt) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        // Zest's precision, so that a delivery survives its JSON form unchanged
        occurredAt = millis(occurredAt);
        nextAttemptAt = millis(nextAttemptAt);
        createdAt = millis(createdAt);
        deliveredAt = millis(deliveredAt);
    }

    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new delivery of an event, due now. */
    static Delivery pending(String id, String eventId, String eventType, Instant occurredAt, String body, Instant now) {
        return new Delivery(id, eventId, eventType, occurredAt, body, DeliveryStatus.PENDING, 0, null, null, null,
                now, null);
    }

    Delivery succeeded(int statusCode, Instant now) {
        return new Delivery(id, eventId, eventType, occurredAt, body, DeliveryStatus.DELIVERED, attempts + 1,
                statusCode, null, null, createdAt, now);
    }

    /** The attempt failed; a retry is due at {@code retryAt}. */
    Delivery failed(Integer statusCode, String error, Instant retryAt) {
        return new Delivery(id, eventId, eventType, occurredAt, body, DeliveryStatus.PENDING, attempts + 1,
                statusCode, error, retryAt, createdAt, null);
    }

    /** The last attempt of the schedule failed. */
    Delivery dead(Integer statusCode, String error) {
        return new Delivery(id, eventId, eventType, occurredAt, body, DeliveryStatus.DEAD, attempts + 1,
                statusCode, error, null, createdAt, null);
    }

    /** A new cycle of attempts for the same event and body, due now; the last outcome stays for reference. */
    Delivery replayed() {
        return new Delivery(id, eventId, eventType, occurredAt, body, DeliveryStatus.PENDING, 0,
                lastStatusCode, lastError, null, createdAt, null);
    }
}
