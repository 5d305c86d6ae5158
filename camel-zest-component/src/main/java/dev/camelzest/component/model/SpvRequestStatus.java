package dev.camelzest.component.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The status of an SPV request. Zest promises additive changes only, so a status this version does not know is
 * kept with its wire value ({@link #isKnown()} false) instead of failing the reply: a create that succeeded must not
 * turn into an error that a fresh exchange would repeat. The documented statuses are constants and are returned as
 * the same instances, so {@code status == SpvRequestStatus.APPROVED} works.
 * <p>
 * {@code pending-review} is the only documented non-terminal status. An unknown status is reported as not
 * terminal: nothing can conclude that Zest finished with a request from a value it does not understand.
 */
public final class SpvRequestStatus {

    public static final SpvRequestStatus PENDING_REVIEW = new SpvRequestStatus("pending-review", "PENDING_REVIEW", true);
    public static final SpvRequestStatus APPROVED = new SpvRequestStatus("approved", "APPROVED", true);
    public static final SpvRequestStatus REJECTED = new SpvRequestStatus("rejected", "REJECTED", true);
    public static final SpvRequestStatus CANCELLED = new SpvRequestStatus("cancelled", "CANCELLED", true);

    private static final List<SpvRequestStatus> DOCUMENTED = List.of(PENDING_REVIEW, APPROVED, REJECTED, CANCELLED);

    private final String wireValue;
    private final String name;
    private final boolean known;

    private SpvRequestStatus(String wireValue, String name, boolean known) {
        this.wireValue = wireValue;
        this.name = name;
        this.known = known;
    }

    /** The documented statuses. */
    public static List<SpvRequestStatus> values() {
        return DOCUMENTED;
    }

    /**
     * Accepts the wire value ({@code pending-review}) and the constant name ({@code PENDING_REVIEW}) of a documented
     * status; any other non-blank value becomes an unknown status that keeps it.
     */
    @JsonCreator
    public static SpvRequestStatus fromWireValue(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An SPV request status cannot be blank");
        }
        for (SpvRequestStatus status : DOCUMENTED) {
            if (status.wireValue.equalsIgnoreCase(value) || status.name.equalsIgnoreCase(value)) {
                return status;
            }
        }
        return new SpvRequestStatus(value, value.toUpperCase(Locale.ROOT).replace('-', '_'), false);
    }

    @JsonValue
    public String wireValue() {
        return wireValue;
    }

    /** The constant name of a documented status ({@code PENDING_REVIEW}); for an unknown one, derived from its value. */
    public String name() {
        return name;
    }

    /** False for a status that a newer Zest sends and this version does not document. */
    public boolean isKnown() {
        return known;
    }

    /** True for approved, rejected and cancelled; false for pending-review and for an unknown status. */
    public boolean isTerminal() {
        return known && this != PENDING_REVIEW;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SpvRequestStatus status && status.wireValue.equals(wireValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(wireValue);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
