package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Why one investor row failed ({@code format}, {@code duplicate}, {@code conflict}, ...). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvestorRowError(String code, String field, String message, Boolean retryable) implements ZestJsonRecord {
}
