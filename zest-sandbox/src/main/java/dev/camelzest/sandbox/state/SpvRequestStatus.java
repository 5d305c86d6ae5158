package dev.camelzest.sandbox.state;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** The SPV request state machine's states (sandbox README, *State machines*); all but pending-review are terminal. */
public enum SpvRequestStatus {
    PENDING_REVIEW("pending-review"),
    APPROVED("approved"),
    REJECTED("rejected"),
    CANCELLED("cancelled");

    private final String wire;

    SpvRequestStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public boolean isTerminal() {
        return this != PENDING_REVIEW;
    }

    public static Optional<SpvRequestStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(value)).findFirst();
    }
}
