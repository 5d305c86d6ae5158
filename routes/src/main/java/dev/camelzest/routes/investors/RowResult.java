package dev.camelzest.routes.investors;

/** One line of the results file: what became of one input row. */
public record RowResult(long rowNumber, String partnerInvestorId, RowStatus status, String zestPersonId,
        RowError error) {

    static RowResult invalid(InvestorRow row, RowError error) {
        return new RowResult(row.rowNumber(), row.partnerInvestorId(), RowStatus.INVALID, null, error);
    }

    boolean isError() {
        return status == RowStatus.FAILED || status == RowStatus.INVALID;
    }
}
