package dev.camelzest.component.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.model.PartnerErrorResponse;
import dev.camelzest.component.model.PartnerValidationError;

/**
 * Turns a non-2xx reply into a {@link ZestApiException}. Zest documents one envelope
 * ({@code code, detail, errorId, validationErrors}); the OpenAPI document also declares the framework's 422
 * ({@code detail: [{loc, msg, type}]}); a proxy may answer with anything. All three are read.
 */
final class ErrorReplyParser {

    private static final int MAX_DETAIL_CHARS = 500;

    /** The code Zest uses for a status, for replies that carry none. */
    private static final Map<Integer, String> CODE_BY_STATUS = Map.of(
            400, "invalid_request",
            401, "invalid_token",
            403, "forbidden",
            404, "not_found",
            409, "conflict",
            413, "payload_too_large",
            415, "unsupported_media_type",
            422, "validation_error",
            500, "internal_error",
            503, "service_unavailable");

    private final ObjectMapper mapper;

    ErrorReplyParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ZestApiException parse(String operation, int status, byte[] body) {
        return parse(operation, status, body, null);
    }

    /** {@code retryAfter}: the wait the reply's {@code Retry-After} header asks for, or null. */
    ZestApiException parse(String operation, int status, byte[] body, Duration retryAfter) {
        JsonNode json = readJson(body);
        if (json != null && json.isObject() && json.path("detail").isArray()) {
            return ZestApiException.fromResponse(operation, status, defaultCode(status), null,
                    "request validation failed", frameworkValidationErrors(json.get("detail")), retryAfter);
        }
        if (json != null && json.isObject()) {
            PartnerErrorResponse envelope = mapper.convertValue(json, PartnerErrorResponse.class);
            return ZestApiException.fromResponse(operation, status,
                    envelope.code() != null ? envelope.code() : defaultCode(status),
                    envelope.errorId(), envelope.detail(), envelope.validationErrors(), retryAfter);
        }
        return ZestApiException.fromResponse(
                operation, status, defaultCode(status), null, plainText(body), null, retryAfter);
    }

    private JsonNode readJson(byte[] body) {
        try {
            return body.length == 0 ? null : mapper.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private List<PartnerValidationError> frameworkValidationErrors(JsonNode items) {
        List<PartnerValidationError> errors = new ArrayList<>();
        for (JsonNode item : items) {
            List<String> location = new ArrayList<>();
            item.path("loc").forEach(part -> location.add(part.asText()));
            errors.add(new PartnerValidationError(
                    null, location.stream().collect(Collectors.joining(".")),
                    item.path("type").asText(null), item.path("msg").asText(null), null));
        }
        return errors;
    }

    private static String defaultCode(int status) {
        return CODE_BY_STATUS.getOrDefault(status, status >= 500 ? "internal_error" : "http_" + status);
    }

    private static String plainText(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() > MAX_DETAIL_CHARS ? text.substring(0, MAX_DETAIL_CHARS) + "..." : text;
    }
}
