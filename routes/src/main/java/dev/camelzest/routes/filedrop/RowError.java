package dev.camelzest.routes.filedrop;

/**
 * Why a row was not onboarded: Zest's row error shape ({@code code, field, message, retryable}), used for
 * local errors too so that both read the same in a results file.
 */
public record RowError(String code, String field, String message, boolean retryable) {

    /** A local error: never retryable, the row has to be fixed. */
    public static RowError invalid(String code, String field, String message) {
        return new RowError(code, field, message, false);
    }
}
