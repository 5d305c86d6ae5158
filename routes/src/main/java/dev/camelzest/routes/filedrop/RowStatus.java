package dev.camelzest.routes.filedrop;

import java.util.Locale;

/** The outcome of one input row, as every flow writes it to its results file. */
public enum RowStatus {
    CREATED,
    ALREADY_EXISTS,
    /** Zest refused the row (or its call): the error says why and whether a later drop may succeed. */
    FAILED,
    /** Rejected by the local checks: never sent to Zest. */
    INVALID,
    /** The row names an investor the ledger does not know: not sent. */
    UNKNOWN_INVESTOR;

    /** The wire form, as Zest spells row statuses ({@code already_exists}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a row with this outcome also goes to the errors file. */
    public boolean isError() {
        return this == FAILED || this == INVALID || this == UNKNOWN_INVESTOR;
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
