package dev.camelzest.sandbox.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of {@code validationErrors[]} in the docs' shape: {@code field} is the path from the request
 * body's root (e.g. {@code attributes.price_per_share.value}), {@code value} the offending value as sent
 * (null when the field is missing).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ValidationErrorItem(String field, String code, String message, Object value) {
}
