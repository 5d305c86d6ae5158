package dev.camelzest.component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.camelzest.component.model.PartnerValidationError;
import org.apache.camel.CamelException;
import org.apache.camel.Predicate;

/**
 * A Zest call that did not succeed: an error reply (status, Zest's {@code code}, {@code errorId}, {@code detail} and
 * {@code validationErrors}), a transport failure (status 0, code {@code connection_failed} or {@code timeout}), or a
 * request the component refused before sending it (status 0, the code Zest would have used, e.g.
 * {@code payload_too_large}).
 * <p>
 * {@link #isRetryable()} tells Camel's error handler whether sending the same exchange again can succeed:
 * <pre>
 * onException(ZestApiException.class)
 *     .onWhen(ZestApiException.RETRYABLE)
 *     .onExceptionOccurred(new RetryAfterDelay())   // waits as long as Zest's Retry-After asks, when it sends one
 *     .maximumRedeliveries(5).redeliveryDelay(1000).useExponentialBackOff();
 * </pre>
 */
public class ZestApiException extends CamelException {

    /** The status of an exception for which no HTTP response exists. */
    public static final int NO_RESPONSE = 0;

    public static final String CONNECTION_FAILED = "connection_failed";
    public static final String TIMEOUT = "timeout";

    /** Matches an exchange that failed with a retryable {@code ZestApiException} (for {@code onWhen}). */
    public static final Predicate RETRYABLE = exchange -> {
        ZestApiException failure = exchange.getException(ZestApiException.class);
        return failure != null && failure.isRetryable();
    };

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final int statusCode;
    private final String code;
    private final String errorId;
    private final String detail;
    private final transient List<PartnerValidationError> validationErrors;
    private final boolean retryable;
    private final Duration retryAfter;

    public ZestApiException(
            String operation, int statusCode, String code, String errorId, String detail,
            List<PartnerValidationError> validationErrors, boolean retryable, Throwable cause) {
        this(operation, statusCode, code, errorId, detail, validationErrors, retryable, null, cause);
    }

    public ZestApiException(
            String operation, int statusCode, String code, String errorId, String detail,
            List<PartnerValidationError> validationErrors, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message(operation, statusCode, code, errorId, detail, validationErrors), cause);
        this.retryAfter = retryAfter;
        this.operation = operation;
        this.statusCode = statusCode;
        this.code = code;
        this.errorId = errorId;
        this.detail = detail;
        this.validationErrors = validationErrors == null ? List.of() : List.copyOf(validationErrors);
        this.retryable = retryable;
    }

    /** An error reply of Zest. 5xx, 408 and 429 are retryable; every other 4xx is not. */
    public static ZestApiException fromResponse(
            String operation, int statusCode, String code, String errorId, String detail,
            List<PartnerValidationError> validationErrors) {
        return fromResponse(operation, statusCode, code, errorId, detail, validationErrors, null);
    }

    /** An error reply of Zest that may carry a {@code Retry-After} header (429, 503). */
    public static ZestApiException fromResponse(
            String operation, int statusCode, String code, String errorId, String detail,
            List<PartnerValidationError> validationErrors, Duration retryAfter) {
        return new ZestApiException(operation, statusCode, code, errorId, detail, validationErrors,
                isRetryableStatus(statusCode), retryAfter, null);
    }

    /** No reply: the connection failed or timed out. Retryable: a write is resent with the same Idempotency-Key. */
    public static ZestApiException transportFailure(String operation, String code, Throwable cause) {
        return new ZestApiException(
                operation, NO_RESPONSE, code, null, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                null, true, cause);
    }

    /** A request refused before anything was sent (bad input); never retryable. */
    public static ZestApiException rejectedBeforeSending(String operation, String code, String detail) {
        return new ZestApiException(operation, NO_RESPONSE, code, null, detail, null, false, null);
    }

    public static boolean isRetryableStatus(int statusCode) {
        return statusCode >= 500 || statusCode == 408 || statusCode == 429;
    }

    /** The zest: operation that failed, e.g. {@code createSpvRequest}. */
    public String getOperation() {
        return operation;
    }

    /** The HTTP status, or {@link #NO_RESPONSE} when no reply was received or the request was never sent. */
    public int getStatusCode() {
        return statusCode;
    }

    /** Zest's stable error code, e.g. {@code validation_error}, {@code conflict}, {@code invalid_token}. */
    public String getCode() {
        return code;
    }

    /** The UUID to cite to Zest support, when Zest sent one. */
    public String getErrorId() {
        return errorId;
    }

    /** Zest's human-readable detail; for operators, not for end users. */
    public String getDetail() {
        return detail;
    }

    /** The attributes that failed validation (empty unless the code is {@code validation_error}). */
    public List<PartnerValidationError> getValidationErrors() {
        return validationErrors;
    }

    /** True for 5xx, 408, 429, timeouts and connection failures; false for every other 4xx and for bad input. */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * How long Zest asked to wait before trying again: its {@code Retry-After} header (delta-seconds or an
     * HTTP-date, counted from when the reply arrived), usually on 429 and 503. Empty when the reply had none.
     * {@link RetryAfterDelay} makes Camel's redelivery wait this long.
     */
    public Optional<Duration> getRetryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    private static String message(
            String operation, int statusCode, String code, String errorId, String detail,
            List<PartnerValidationError> validationErrors) {
        StringBuilder message = new StringBuilder("Zest ").append(operation).append(" failed: ");
        message.append(statusCode == NO_RESPONSE ? "no response" : "HTTP " + statusCode);
        if (code != null) {
            message.append(' ').append(code);
        }
        if (errorId != null) {
            message.append(" (errorId ").append(errorId).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            message.append(": ").append(detail);
        }
        if (validationErrors != null && !validationErrors.isEmpty()) {
            message.append(validationErrors.stream()
                    .map(error -> error.path() + " " + error.code() + " (" + error.message() + ")")
                    .collect(Collectors.joining("; ", " [", "]")));
        }
        return message.toString();
    }
}
