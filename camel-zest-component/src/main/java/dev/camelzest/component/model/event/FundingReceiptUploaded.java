package dev.camelzest.component.model.event;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.camelzest.component.json.ZestTimestamp;

/** {@code funding_receipt.uploaded}: the funding receipt and wire metadata are on record. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FundingReceiptUploaded(
        String subscriptionSlug,
        String spvSlug,
        String personId,
        String partnerInvestorId,
        String fundingReceiptUrl,
        String amount,
        String currency,
        String wireReference,
        @ZestTimestamp Instant uploadedAt) implements ZestEventData {
}
