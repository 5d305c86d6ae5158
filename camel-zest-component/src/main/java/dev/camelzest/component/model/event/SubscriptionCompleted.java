package dev.camelzest.component.model.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code subscription.completed}: Zest reconciled the wire; may arrive more than once (deduplicate on eventId). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubscriptionCompleted(
        String subscriptionSlug,
        String spvSlug,
        String personId,
        String partnerInvestorId,
        String partnerSubscriptionId,
        @ZestTimestamp Instant completedAt,
        String status) implements ZestEventData {
}
