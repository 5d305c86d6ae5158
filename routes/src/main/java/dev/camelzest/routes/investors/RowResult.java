package dev.camelzest.routes.investors;

import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.RowOutcome;
import dev.camelzest.routes.filedrop.RowStatus;

/** One line of an investor results file: what became of one input row. */
public record RowResult(long rowNumber, String partnerInvestorId, RowStatus status, String zestPersonId,
        RowError error) implements RowOutcome {

    static RowResult invalid(InvestorRow row, RowError error) {
        return new RowResult(row.rowNumber(), row.partnerInvestorId(), RowStatus.INVALID, null, error);
    }

    /** This row as created: the person Zest holds was created by an earlier import of the same file. */
    RowResult asCreated() {
        return new RowResult(rowNumber, partnerInvestorId, RowStatus.CREATED, zestPersonId, null);
    }

    /** The values of the results file's columns ({@link InvestorFlow#COLUMNS}). */
    Object[] columnValues() {
        return new Object[] {
                rowNumber, partnerInvestorId, status.value(), zestPersonId,
                error == null ? null : error.code(), error == null ? null : error.field(),
                error == null ? null : error.message(), error == null ? null : error.retryable() };
    }
}
