package dev.camelzest.component.model.event;

import dev.camelzest.component.model.Money;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code subscription.created}: one per created subscription row, status {@code pending}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionCreated(
        String subscriptionSlug,
        String spvSlug,
        String personId,
        String partnerSubscriptionId,
        Money lumpSum,
        String shareClassSlug,
        String status) implements ZestEventData {
}
