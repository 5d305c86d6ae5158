package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Reply of {@code bulkCreateInvestors}: one result per input row, in input order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvestorBulkResponse(List<InvestorRowResult> results) implements ZestJsonRecord {
}
