package dev.camelzest.component.model.event;

import dev.camelzest.component.model.ZestJsonRecord;

/** The {@code data} of a webhook event; one record per documented event type, {@link UnknownEventData} for others. */
public sealed interface ZestEventData extends ZestJsonRecord
        permits SpvRequestCreated, SpvRequestCompleted, SpvRequestRejected, SpvRequestCancelled, InvestorCreated,
        SubscriptionCreated, SignedSubscriptionFormUploaded, FundingReceiptUploaded, SubscriptionCompleted,
        UnknownEventData {
}
