package dev.camelzest.routes.filedrop;

import java.util.Locale;

/**
 * The outcome of one input row, as every flow writes it to its results file; and of one file, for the flows that
 * send a file as a whole (documents, SPV requests: the {@code outcome} of its {@link FileReport}). A flow's
 * {@link FileDropFlow#statuses} are the ones it counts.
 */
public enum RowStatus {
    CREATED,
    ALREADY_EXISTS,
    /** Zest refused the row (or its call): the error says why and whether a later drop may succeed. */
    FAILED,
    /** Rejected by the local checks: never sent to Zest. */
    INVALID,
    /** The row names an investor the ledger does not know: not sent. */
    UNKNOWN_INVESTOR,
    /** A document Zest took. */
    UPLOADED,
    /** A document that cannot be uploaded as it is: the local checks or Zest refused it. */
    REJECTED,
    /** An SPV request cancelled at Zest. */
    CANCELLED,
    /** An SPV request the ledger holds already: not sent again. */
    ALREADY_SUBMITTED,
    /** An SPV request the ledger holds as cancelled already: not sent again. */
    ALREADY_CANCELLED,
    /** Zest refused the SPV request file as a whole. */
    REFUSED;

    /** The wire form, as Zest spells row statuses ({@code already_exists}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a row with this outcome also goes to the errors file. */
    public boolean isError() {
        return this == FAILED || this == INVALID || this == UNKNOWN_INVESTOR || this == REJECTED
               || this == REFUSED;
    }

    /** Maps a row status Zest returned; anything unknown is a failure of that row. */
    public static RowStatus fromZest(String status) {
        if ("created".equals(status)) {
            return CREATED;
        }
        if ("already_exists".equals(status)) {
            return ALREADY_EXISTS;
        }
        return FAILED;
    }
}
