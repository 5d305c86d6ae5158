package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One subscription of an investor ({@code zestPersonId}) into a share class of the SPV. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionCreateRow(
        String zestPersonId, Money lumpSum, String shareClassSlug, String partnerSubscriptionId) implements ZestJsonRecord {
}
