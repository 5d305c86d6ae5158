package dev.camelzest.routes.investors;

import java.nio.file.Path;

import dev.camelzest.routes.filedrop.Checked;
import dev.camelzest.routes.filedrop.RowCheck;
import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.SeenIds;

/**
 * Checks the investor rows of one file as they stream past. A partnerInvestorId seen before in the same file makes
 * the later row invalid ({@code duplicate}): Zest would otherwise merge two different rows into one person. The
 * first occurrence wins even when it is itself invalid, so that fixing it never silently re-targets the id.
 * <p>
 * The ids seen are the only per-row state, and they are kept on disk.
 */
final class InvestorCheck implements RowCheck<InvestorRow, RowResult> {

    private final RowValidator validator = new RowValidator();
    private final SeenIds seenIds;

    InvestorCheck(Path scratchDirectory) {
        this.seenIds = SeenIds.in(scratchDirectory);
    }

    @Override
    public Checked<InvestorRow, RowResult> check(InvestorRow row) {
        RowError error = duplicateError(row);
        if (error == null) {
            error = validator.check(row);
        }
        return error == null ? Checked.toSend(row) : Checked.settled(row, RowResult.invalid(row, error));
    }

    private RowError duplicateError(InvestorRow row) {
        String id = row.partnerInvestorId();
        if (id == null) {
            return null;
        }
        Long firstRow = seenIds.firstRow(id, row.rowNumber());
        return firstRow == null ? null
                : RowError.invalid("duplicate", "partnerInvestorId",
                        "partnerInvestorId '" + id + "' already appears at row " + firstRow);
    }

    @Override
    public void close() {
        seenIds.close();
    }
}
