package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Fees and carry per share class of an approved SPV. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeesAndCarryResponse(List<ShareClassFeesAndCarry> shareClasses) implements ZestJsonRecord {
}
