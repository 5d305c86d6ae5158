package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One attribute that failed contract validation. The OpenAPI document names the path {@code attribute}, the docs
 * {@code field} (and add the rejected {@code value}): both are kept, {@link #path()} gives whichever was sent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerValidationError(String attribute, String field, String code, String message, Object value) implements ZestJsonRecord {

    @JsonIgnore
    public String path() {
        return attribute != null ? attribute : field;
    }
}
