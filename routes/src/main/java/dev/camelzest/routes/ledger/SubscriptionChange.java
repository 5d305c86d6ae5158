package dev.camelzest.routes.ledger;

import java.time.Instant;

/**
 * A step of one subscription as Zest reported it at {@code occurredAt} (null when the reply carried no time, such
 * as the createSubscriptions reply: any dated step then wins). Identity fields that are null leave what the ledger
 * holds unchanged.
 */
public record SubscriptionChange(String subscriptionSlug, String spvSlug, String personId,
        String partnerSubscriptionId, String partnerInvestorId, String shareClassSlug, String currency, String amount,
        SubscriptionStep step, Instant occurredAt, String sourceFile) {

    /** The same change for another step, e.g. {@code created(...).at(FORM_UPLOADED, uploadedAt)}. */
    public SubscriptionChange at(SubscriptionStep newStep, Instant time) {
        return new SubscriptionChange(subscriptionSlug, spvSlug, personId, partnerSubscriptionId, partnerInvestorId,
                shareClassSlug, currency, amount, newStep, time, sourceFile);
    }

    /** A subscription identified by Zest's keys only, at a step. */
    public static SubscriptionChange of(String subscriptionSlug, String spvSlug, String personId,
            String partnerInvestorId, SubscriptionStep step, Instant occurredAt) {
        return new SubscriptionChange(subscriptionSlug, spvSlug, personId, null, partnerInvestorId, null, null, null,
                step, occurredAt, null);
    }

    public SubscriptionChange withPartnerSubscriptionId(String id) {
        return new SubscriptionChange(subscriptionSlug, spvSlug, personId, id, partnerInvestorId, shareClassSlug,
                currency, amount, step, occurredAt, sourceFile);
    }
}
