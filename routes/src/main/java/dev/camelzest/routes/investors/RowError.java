package dev.camelzest.routes.investors;

/**
 * Why a row was not onboarded: Zest's row error shape ({@code code, field, message, retryable}), used for
 * local validation errors too so that both read the same in the results file.
 */
public record RowError(String code, String field, String message, boolean retryable) {

    /** A local validation error: never retryable, the row has to be fixed. */
    static RowError invalid(String code, String field, String message) {
        return new RowError(code, field, message, false);
    }
}
