package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The framework-level 422 reply the OpenAPI document declares beside the Zest error envelope. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HTTPValidationError(List<ValidationError> detail) implements ZestJsonRecord {
}
