package dev.camelzest.component.http;

import java.nio.charset.StandardCharsets;

/**
 * A Zest reply, read whole: Zest's JSON replies are small; uploads go the other way. {@code retryAfter} is the raw
 * {@code Retry-After} header, if any.
 */
public record ZestResponse(int statusCode, String contentType, byte[] body, String retryAfter) {

    public ZestResponse(int statusCode, String contentType, byte[] body) {
        this(statusCode, contentType, body, null);
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return contentType == null || contentType.toLowerCase().contains("json");
    }
}
