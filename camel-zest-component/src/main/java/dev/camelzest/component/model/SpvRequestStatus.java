package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The states of an SPV request; {@code pendingReview} is the only non-terminal one. */
public enum SpvRequestStatus {
    PENDING_REVIEW("pending-review"),
    APPROVED("approved"),
    REJECTED("rejected"),
    CANCELLED("cancelled");

    private final String wireValue;

    SpvRequestStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    public boolean isTerminal() {
        return this != PENDING_REVIEW;
    }

    /** Accepts the wire value ({@code pending-review}) and the constant name ({@code PENDING_REVIEW}). */
    @JsonCreator
    public static SpvRequestStatus fromWireValue(String value) {
        for (SpvRequestStatus status : values()) {
            if (status.wireValue.equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown SPV request status: " + value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
