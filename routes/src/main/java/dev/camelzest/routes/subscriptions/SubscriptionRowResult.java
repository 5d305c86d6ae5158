package dev.camelzest.routes.subscriptions;

/**
 * What became of one row: {@code created}, {@code already_exists} (its partnerSubscriptionId is in the ledger),
 * {@code unknown_investor} (its partnerInvestorId is not in the ledger), {@code invalid} (checked before sending) or
 * {@code failed} (Zest refused the row's SPV batch).
 */
public record SubscriptionRowResult(SubscriptionRow row, String status, String zestPersonId,
        String subscriptionSlug, String errorCode, String errorMessage) {

    static SubscriptionRowResult problem(SubscriptionRow row, String status, String zestPersonId, String code,
            String message) {
        return new SubscriptionRowResult(row, status, zestPersonId, null, code, message);
    }
}
