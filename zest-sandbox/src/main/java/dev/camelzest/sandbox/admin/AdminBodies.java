package dev.camelzest.sandbox.admin;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.http.ApiException;

/** Reading the small JSON bodies of the admin API. */
final class AdminBodies {

    private AdminBodies() {
    }

    static String requiredText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw ApiException.invalidRequest(field + " is required (a non-empty string).");
        }
        return value.asText();
    }
}
