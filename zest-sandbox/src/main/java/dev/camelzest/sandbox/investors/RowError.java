package dev.camelzest.sandbox.investors;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code error} of a failed investor row (InvestorRowError). Every row error the sandbox answers is
 * permanent for that row as sent ({@code retryable: false}): format and required need a corrected row,
 * duplicate and conflict a different id or email.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RowError(String code, String field, String message, boolean retryable) {

    static RowError of(String code, String field, String message) {
        return new RowError(code, field, message, false);
    }
}
