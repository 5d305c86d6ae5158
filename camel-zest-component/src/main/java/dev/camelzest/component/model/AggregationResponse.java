package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of {@code listSpvRequests}. The document items are untyped in the OpenAPI document; they are SPV
 * requests, so they are typed here.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record AggregationResponse(List<SpvRequestResponse> documents, Integer count, Integer skip, Integer limit) implements ZestJsonRecord {
}
