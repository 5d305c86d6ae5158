package dev.camelzest.component.model.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code signed_subscription_form.uploaded}: the signed form is on record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignedSubscriptionFormUploaded(
        String subscriptionSlug,
        String spvSlug,
        String personId,
        String partnerInvestorId,
        String subscriptionFormUrl,
        @ZestTimestamp Instant uploadedAt) implements ZestEventData {
}
