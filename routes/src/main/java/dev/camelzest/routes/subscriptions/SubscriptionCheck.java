package dev.camelzest.routes.subscriptions;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.camelzest.routes.filedrop.Checked;
import dev.camelzest.routes.filedrop.RowCheck;
import dev.camelzest.routes.filedrop.RowStatus;
import dev.camelzest.routes.filedrop.SeenIds;
import dev.camelzest.routes.ledger.InvestorLedger;
import dev.camelzest.routes.ledger.SubscriptionLedger;
import dev.camelzest.routes.ledger.SubscriptionRecord;

/**
 * Checks the subscription rows of one file as they stream past: required fields, a positive decimal amount, an
 * ISO 4217 currency, a partnerSubscriptionId not repeated in the file (kept on disk); then the investor resolved
 * through the ledger (unknown: not sent), and a partnerSubscriptionId the ledger already holds answered from it.
 */
final class SubscriptionCheck implements RowCheck<SubscriptionRow, SubscriptionRowResult> {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final InvestorLedger investors;
    private final SubscriptionLedger subscriptions;
    private final SeenIds seenIds;

    SubscriptionCheck(InvestorLedger investors, SubscriptionLedger subscriptions, Path scratchDirectory) {
        this.investors = investors;
        this.subscriptions = subscriptions;
        this.seenIds = SeenIds.in(scratchDirectory);
    }

    @Override
    public Checked<SubscriptionRow, SubscriptionRowResult> check(SubscriptionRow row) {
        Optional<SubscriptionRowResult> problem = problem(row);
        if (problem.isPresent()) {
            return Checked.settled(row, problem.get());
        }
        Optional<String> personId = row.zestPersonId() != null ? Optional.of(row.zestPersonId())
                : investors.zestPersonId(row.partnerInvestorId());
        if (personId.isEmpty()) {
            return Checked.settled(row, SubscriptionRowResult.problem(row, RowStatus.UNKNOWN_INVESTOR, null,
                    "unknown_investor", "partnerInvestorId " + row.partnerInvestorId()
                            + " is not in the ledger: import the investor first"));
        }
        Optional<SubscriptionRecord> known = Optional.ofNullable(row.partnerSubscriptionId())
                .flatMap(subscriptions::byPartnerSubscriptionId);
        if (known.isPresent()) {
            return Checked.settled(row, new SubscriptionRowResult(row, RowStatus.ALREADY_EXISTS,
                    known.get().personId(), known.get().subscriptionSlug(), null, null));
        }
        return Checked.toSend(row.withPerson(personId.get()));
    }

    private Optional<SubscriptionRowResult> problem(SubscriptionRow row) {
        if (row.readError() != null) {
            return invalid(row, row.readError().code(), row.readError().message());
        }
        List<String> missing = new ArrayList<>();
        if (row.spvSlug() == null) {
            missing.add("spvSlug");
        }
        if (row.partnerInvestorId() == null && row.zestPersonId() == null) {
            missing.add("partnerInvestorId or zestPersonId");
        }
        if (row.amount() == null) {
            missing.add("amount");
        }
        if (row.currency() == null) {
            missing.add("currency");
        }
        if (row.shareClassSlug() == null) {
            missing.add("shareClassSlug");
        }
        if (!missing.isEmpty()) {
            return invalid(row, "required", String.join(", ", missing) + " required");
        }
        if (!isPositiveDecimal(row.amount())) {
            return invalid(row, "format", "amount must be a positive decimal such as 50000.00");
        }
        if (!CURRENCY.matcher(row.currency()).matches()) {
            return invalid(row, "format", "currency must be an ISO 4217 code such as USD");
        }
        if (row.partnerSubscriptionId() != null
                && seenIds.firstRow(row.partnerSubscriptionId(), row.rowNumber()) != null) {
            return invalid(row, "duplicate",
                    "partnerSubscriptionId " + row.partnerSubscriptionId() + " appears earlier in the file");
        }
        return Optional.empty();
    }

    private static Optional<SubscriptionRowResult> invalid(SubscriptionRow row, String code, String message) {
        return Optional.of(SubscriptionRowResult.problem(row, RowStatus.INVALID, null, code, message));
    }

    private static boolean isPositiveDecimal(String amount) {
        try {
            return new BigDecimal(amount).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        seenIds.close();
    }
}
