package dev.camelzest.routes.subscriptions;

import java.util.List;

import dev.camelzest.routes.filedrop.RowOutcome;
import dev.camelzest.routes.filedrop.RowStatus;

/**
 * What became of one row: {@code created}, {@code already_exists} (its partnerSubscriptionId is in the ledger),
 * {@code unknown_investor} (its partnerInvestorId is not in the ledger), {@code invalid} (checked before sending) or
 * {@code failed} (Zest refused the row's SPV call).
 */
public record SubscriptionRowResult(SubscriptionRow row, RowStatus status, String zestPersonId,
        String subscriptionSlug, String errorCode, String errorMessage) implements RowOutcome {

    static final List<String> COLUMNS = List.of("rowNumber", "spvSlug", "partnerInvestorId", "zestPersonId",
            "partnerSubscriptionId", "status", "subscriptionSlug", "errorCode", "errorMessage");

    static SubscriptionRowResult problem(SubscriptionRow row, RowStatus status, String zestPersonId, String code,
            String message) {
        return new SubscriptionRowResult(row, status, zestPersonId, null, code, message);
    }

    @Override
    public long rowNumber() {
        return row.rowNumber();
    }

    /** The values of the results file's columns ({@link #COLUMNS}). */
    Object[] columnValues() {
        return new Object[] { row.rowNumber(), row.spvSlug(), row.partnerInvestorId(), zestPersonId,
                row.partnerSubscriptionId(), status.value(), subscriptionSlug, errorCode, errorMessage };
    }
}
