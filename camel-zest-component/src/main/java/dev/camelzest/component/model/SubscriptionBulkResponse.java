package dev.camelzest.component.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Reply of {@code createSubscriptions}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionBulkResponse(List<SubscriptionResult> results) implements ZestJsonRecord {
}
