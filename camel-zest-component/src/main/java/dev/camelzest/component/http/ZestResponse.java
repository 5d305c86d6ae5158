package dev.camelzest.component.http;

import java.nio.charset.StandardCharsets;

/** A successful (2xx) Zest reply, read whole: Zest's JSON replies are small; uploads go the other way. */
public record ZestResponse(int statusCode, String contentType, byte[] body) {

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isJson() {
        return contentType == null || contentType.toLowerCase().contains("json");
    }
}
