package dev.camelzest.sandbox.webhook;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a delivery stands; in JSON {@code "pending" | "delivered" | "dead"}. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or for a webhook URL). */
    PENDING,
    /** A 2xx answered one attempt. */
    DELIVERED,
    /** Every attempt of the retry schedule failed; kept until replayed. */
    DEAD;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the JSON name; anything else is an {@link IllegalArgumentException} naming the valid ones. */
    @JsonCreator
    public static DeliveryStatus fromJson(String value) {
        for (DeliveryStatus status : values()) {
            if (status.json().equals(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("status must be one of "
                + Arrays.stream(values()).map(DeliveryStatus::json).collect(Collectors.joining(", "))
                + "; was " + value);
    }
}
