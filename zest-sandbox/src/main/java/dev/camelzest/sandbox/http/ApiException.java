package dev.camelzest.sandbox.http;

import java.util.List;

/**
 * An error answer of the Zest API: the HTTP status and the envelope's {@code code}, {@code detail} and
 * {@code validationErrors}. One factory per documented top-level code (sandbox README, *Error envelope*); the
 * envelope's {@code errorId} is minted when the response is written.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final transient List<ValidationErrorItem> validationErrors;

    public ApiException(int status, String code, String detail, List<ValidationErrorItem> validationErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.validationErrors = validationErrors == null ? null : List.copyOf(validationErrors);
    }

    public ApiException(int status, String code, String detail) {
        this(status, code, detail, null);
    }

    public static ApiException validationError(String detail, List<ValidationErrorItem> errors) {
        return new ApiException(400, "validation_error", detail, errors);
    }

    public static ApiException invalidRequest(String detail) {
        return new ApiException(400, "invalid_request", detail);
    }

    public static ApiException invalidToken(String detail) {
        return new ApiException(401, "invalid_token", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not_found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "payload_too_large", detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "unsupported_media_type", detail);
    }

    public static ApiException internalError(String detail) {
        return new ApiException(500, "internal_error", detail);
    }

    public static ApiException rateLimited(String detail) {
        return new ApiException(429, "rate_limited", detail);
    }

    public static ApiException serviceUnavailable(String detail) {
        return new ApiException(503, "service_unavailable", detail);
    }

    /**
     * The error Zest would most plausibly answer with a bare status (used by fault injection and for
     * failures raised by the HTTP layer itself).
     */
    public static ApiException forStatus(int status, String detail) {
        return switch (status) {
            case 400 -> invalidRequest(detail);
            case 401 -> invalidToken(detail);
            case 403 -> forbidden(detail);
            case 404 -> notFound(detail);
            case 409 -> conflict(detail);
            case 413 -> payloadTooLarge(detail);
            case 415 -> unsupportedMediaType(detail);
            case 503 -> new ApiException(503, "service_unavailable", detail);
            default -> new ApiException(status, status >= 500 ? "internal_error" : "invalid_request", detail);
        };
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<ValidationErrorItem> validationErrors() {
        return validationErrors;
    }
}
