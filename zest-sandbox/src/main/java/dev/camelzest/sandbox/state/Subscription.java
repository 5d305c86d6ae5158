package dev.camelzest.sandbox.state;

import java.time.Instant;
import java.util.Map;

/**
 * A partner-managed subscription (a Bid with {@code source=partner-api}): one per person per SPV, since
 * the upload paths name it by {@code (spv_slug, person_id)}. Pending from creation until an admin
 * completes it; the signed form and then the funding receipt are attached on the way.
 */
public record Subscription(String subscriptionSlug, String spvSlug, String personId, String clientId,
                           String partnerInvestorId, String partnerSubscriptionId, Map<String, Object> lumpSum,
                           String shareClassSlug, String status, Instant createdAt, UploadedDocument form,
                           UploadedDocument funding, Instant completedAt) {

    public static final String PENDING = "pending";
    public static final String COMPLETED = "completed";

    /** A stored upload and, for a funding receipt, its metadata. */
    public record UploadedDocument(String url, Instant uploadedAt, String amount, String currency,
                                   String wireReference) {
    }

    public boolean isTerminal() {
        return COMPLETED.equals(status);
    }

    public Subscription withForm(UploadedDocument uploaded) {
        return new Subscription(subscriptionSlug, spvSlug, personId, clientId, partnerInvestorId,
                partnerSubscriptionId, lumpSum, shareClassSlug, status, createdAt, uploaded, funding, completedAt);
    }

    public Subscription withFunding(UploadedDocument uploaded) {
        return new Subscription(subscriptionSlug, spvSlug, personId, clientId, partnerInvestorId,
                partnerSubscriptionId, lumpSum, shareClassSlug, status, createdAt, form, uploaded, completedAt);
    }

    public Subscription completed(Instant at) {
        return new Subscription(subscriptionSlug, spvSlug, personId, clientId, partnerInvestorId,
                partnerSubscriptionId, lumpSum, shareClassSlug, COMPLETED, createdAt, form, funding, at);
    }

    /** The store key: one subscription per person per SPV. */
    public static String key(String spvSlug, String personId) {
        return spvSlug + '/' + personId;
    }
}
