package dev.camelzest.routes.subscriptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.camelzest.routes.filedrop.FileDropFlow;
import dev.camelzest.routes.filedrop.FileFormat;
import dev.camelzest.routes.filedrop.ReadLimits;
import dev.camelzest.routes.filedrop.ResultColumns;
import dev.camelzest.routes.filedrop.RowCheck;
import dev.camelzest.routes.filedrop.RowReader;
import dev.camelzest.routes.filedrop.RowStatus;
import dev.camelzest.routes.filedrop.ZestCall;
import dev.camelzest.routes.ledger.InvestorLedger;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionLedger;
import dev.camelzest.routes.ledger.SubscriptionStep;

/**
 * Subscriptions files on the file-drop pipeline: CSV rows ({@link SubscriptionCsvReader}) checked and resolved by
 * {@link SubscriptionCheck}, each batch's rows grouped per SPV, in file order, into one {@code createSubscriptions}
 * call each ({@link SpvCall}); the subscriptions created recorded in the ledger ({@code pending}).
 */
public final class SubscriptionFlow implements FileDropFlow<SubscriptionRow, SubscriptionRowResult> {

    private final char csvDelimiter;
    private final InvestorLedger investors;
    private final SubscriptionLedger subscriptions;

    public SubscriptionFlow(char csvDelimiter, InvestorLedger investors, SubscriptionLedger subscriptions) {
        this.csvDelimiter = csvDelimiter;
        this.investors = investors;
        this.subscriptions = subscriptions;
    }

    @Override
    public String title() {
        return "Subscriptions file";
    }

    @Override
    public String meterName() {
        return "subscription";
    }

    @Override
    public List<FileFormat> formats() {
        return List.of(FileFormat.CSV);
    }

    @Override
    public Set<RowStatus> statuses() {
        return EnumSet.of(RowStatus.CREATED, RowStatus.ALREADY_EXISTS, RowStatus.FAILED, RowStatus.INVALID,
                RowStatus.UNKNOWN_INVESTOR);
    }

    @Override
    public RowReader<SubscriptionRow> open(Path file, FileFormat format, ReadLimits limits) {
        return new SubscriptionCsvReader(file, csvDelimiter, limits);
    }

    @Override
    public RowCheck<SubscriptionRow, SubscriptionRowResult> check(Path scratchDirectory) {
        return new SubscriptionCheck(investors, subscriptions, scratchDirectory);
    }

    @Override
    public List<ZestCall<SubscriptionRowResult>> calls(List<SubscriptionRow> rows) {
        Map<String, List<SubscriptionRow>> bySpv = new LinkedHashMap<>();
        rows.forEach(row -> bySpv.computeIfAbsent(row.spvSlug(), spv -> new ArrayList<>()).add(row));
        List<ZestCall<SubscriptionRowResult>> calls = new ArrayList<>(bySpv.size());
        bySpv.forEach((spvSlug, spvRows) -> calls.add(new SpvCall(spvSlug, List.copyOf(spvRows))));
        return calls;
    }

    @Override
    public List<SubscriptionRowResult> record(List<SubscriptionRow> rows, List<SubscriptionRowResult> outcomes,
            String fileName, String importId) {
        for (SubscriptionRowResult outcome : outcomes) {
            if (outcome.status() == RowStatus.CREATED) {
                SubscriptionRow row = outcome.row();
                subscriptions.apply(new SubscriptionChange(outcome.subscriptionSlug(), row.spvSlug(),
                        outcome.zestPersonId(), row.partnerSubscriptionId(), row.partnerInvestorId(),
                        row.shareClassSlug(), row.currency(), row.amount(), SubscriptionStep.PENDING, null,
                        fileName));
            }
        }
        return outcomes;
    }

    @Override
    public ResultColumns<SubscriptionRowResult> columns() {
        return new ResultColumns<>(SubscriptionRowResult.COLUMNS, SubscriptionRowResult::columnValues);
    }
}
