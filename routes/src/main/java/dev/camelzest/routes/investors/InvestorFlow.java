package dev.camelzest.routes.investors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
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
import dev.camelzest.routes.ledger.InvestorMapping;

/**
 * Investor files on the file-drop pipeline: CSV or JSON Lines rows ({@link CsvInvestorReader},
 * {@link JsonLinesInvestorReader}), checked by {@link InvestorCheck}, each batch's valid rows one
 * {@code bulkCreateInvestors} call ({@link InvestorCall}), the persons created recorded in the ledger's
 * {@code investors} table.
 */
public final class InvestorFlow implements FileDropFlow<InvestorRow, RowResult> {

    static final List<String> COLUMNS = List.of("rowNumber", "partnerInvestorId", "status", "zestPersonId",
            "errorCode", "errorField", "errorMessage", "retryable");

    private final HeaderMapping headerMapping;
    private final char csvDelimiter;
    private final InvestorLedger ledger;

    public InvestorFlow(HeaderMapping headerMapping, char csvDelimiter, InvestorLedger ledger) {
        this.headerMapping = headerMapping;
        this.csvDelimiter = csvDelimiter;
        this.ledger = ledger;
    }

    @Override
    public String title() {
        return "Investor file";
    }

    @Override
    public String meterName() {
        return "investor";
    }

    @Override
    public List<FileFormat> formats() {
        return List.of(FileFormat.CSV, FileFormat.JSON_LINES);
    }

    @Override
    public Set<RowStatus> statuses() {
        return EnumSet.of(RowStatus.CREATED, RowStatus.ALREADY_EXISTS, RowStatus.FAILED, RowStatus.INVALID);
    }

    @Override
    public RowReader<InvestorRow> open(Path file, FileFormat format, ReadLimits limits) {
        return format == FileFormat.CSV ? new CsvInvestorReader(file, headerMapping, csvDelimiter, limits)
                : new JsonLinesInvestorReader(file, headerMapping, limits);
    }

    @Override
    public RowCheck<InvestorRow, RowResult> check(Path scratchDirectory) {
        return new InvestorCheck(scratchDirectory);
    }

    @Override
    public List<ZestCall<RowResult>> calls(List<InvestorRow> rows) {
        return List.of(new InvestorCall(rows));
    }

    @Override
    public List<RowResult> record(List<InvestorRow> rows, List<RowResult> outcomes, String fileName,
            String importId) {
        List<InvestorMapping> mappings = new ArrayList<>();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            RowResult outcome = outcomes.get(i);
            if (outcome.zestPersonId() != null) {
                InvestorRow row = rows.get(i);
                mappings.add(new InvestorMapping(row.partnerInvestorId(), outcome.zestPersonId(), row.email(),
                        row.firstName(), row.lastName()));
                if (outcome.status() == RowStatus.CREATED) {
                    created.add(row.partnerInvestorId());
                }
            }
        }
        Set<String> createdEarlier = ledger.record(mappings, fileName, importId, created);
        if (createdEarlier.isEmpty()) {
            return outcomes;
        }
        // Zest answers already_exists for the persons an interrupted import of this same file created: created
        return outcomes.stream().map(outcome -> outcome.status() == RowStatus.ALREADY_EXISTS
                && createdEarlier.contains(outcome.partnerInvestorId()) ? outcome.asCreated() : outcome).toList();
    }

    @Override
    public ResultColumns<RowResult> columns() {
        return new ResultColumns<>(COLUMNS, RowResult::columnValues);
    }
}
