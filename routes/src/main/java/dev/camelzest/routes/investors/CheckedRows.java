package dev.camelzest.routes.investors;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Validates the rows of one file as they stream past. A partnerInvestorId seen before in the same file makes the
 * later row invalid ({@code duplicate}): Zest would otherwise merge two different rows into one person. The first
 * occurrence wins even when it is itself invalid, so that fixing it never silently re-targets the id.
 * <p>
 * The ids seen are the only per-row state, and they are kept on disk.
 */
final class CheckedRows implements Iterator<CheckedRow>, Closeable {

    private final InvestorRowReader reader;
    private final RowValidator validator = new RowValidator();
    private final SeenInvestorIds seenIds;

    CheckedRows(InvestorRowReader reader, SeenInvestorIds seenIds) {
        this.reader = reader;
        this.seenIds = seenIds;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public CheckedRow next() {
        InvestorRow row = reader.next();
        RowError error = duplicateError(row);
        return new CheckedRow(row, error != null ? error : validator.check(row));
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
        try {
            reader.close();
        } finally {
            seenIds.close();
        }
    }
}
