package dev.camelzest.routes.ledger;

import java.time.Instant;

/** A row of {@code subscriptions}. */
public record SubscriptionRecord(String subscriptionSlug, String partnerSubscriptionId, String partnerInvestorId,
        String personId, String spvSlug, String status, Instant occurredAt, Instant formUploadedAt,
        Instant fundingUploadedAt, Instant completedAt) {
}
