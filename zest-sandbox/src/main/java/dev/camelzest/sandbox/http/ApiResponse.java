package dev.camelzest.sandbox.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A finished answer: status, content type and the exact body bytes. Bodies are serialised once, when
 * the handler returns, so an idempotent replay sends the very same bytes.
 */
public record ApiResponse(int status, String contentType, byte[] body) {

    public static final String APPLICATION_JSON = "application/json";

    public static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, APPLICATION_JSON, Json.write(body));
    }

    public static ApiResponse ok(Object body) {
        return json(200, body);
    }

    public static ApiResponse created(Object body) {
        return json(201, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null, new byte[0]);
    }

    public static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The uniform error envelope {@code {code, detail, errorId, validationErrors?}} with a fresh errorId. */
    public static ApiResponse error(ApiException e) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", e.code());
        envelope.put("detail", e.detail());
        envelope.put("errorId", UUID.randomUUID().toString());
        if (e.validationErrors() != null) {
            envelope.put("validationErrors", e.validationErrors());
        }
        return json(e.status(), envelope);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }
}
