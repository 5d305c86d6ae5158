package dev.camelzest.component.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** A created subscription; {@code status} is {@code pending} until Zest completes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionResult(
        String subscriptionSlug,
        String spvSlug,
        String personId,
        String status,
        Money lumpSum,
        String shareClassSlug,
        String partnerSubscriptionId) implements ZestJsonRecord {
}
