package dev.camelzest.routes.investors;

import java.util.Locale;

/** The outcome of one input row, as written to the results file. */
public enum RowStatus {
    CREATED,
    ALREADY_EXISTS,
    FAILED,
    /** Rejected by local validation: never sent to Zest. */
    INVALID;

    /** The wire form, as Zest spells row statuses ({@code already_exists}). */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maps a status Zest returned; anything unknown is a failure of that row. */
    static RowStatus fromZest(String status) {
        if ("created".equals(status)) {
            return CREATED;
        }
        if ("already_exists".equals(status)) {
            return ALREADY_EXISTS;
        }
        return FAILED;
    }
}
