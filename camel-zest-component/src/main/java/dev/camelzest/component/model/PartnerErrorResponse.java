package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The error envelope of every non-2xx reply. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PartnerErrorResponse(
        String code, String detail, String errorId, List<PartnerValidationError> validationErrors) implements ZestJsonRecord {
}
