package dev.camelzest.routes.investors;

import java.util.Locale;

import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.routes.filedrop.DropRow;
import dev.camelzest.routes.filedrop.RowError;

/**
 * One investor row as read from an input file, values as written (trimmed, blank = absent).
 *
 * @param rowNumber 1-based position among the file's data rows (the CSV header and blank lines are not rows)
 * @param readError set when the row itself could not be read (malformed JSON line, wrong column count, bytes
 *                  not valid in the file's character set)
 */
public record InvestorRow(long rowNumber, String partnerInvestorId, String email, String firstName,
        String lastName, String dateOfBirth, String countryOfResidence, RowError readError) implements DropRow {

    /** The row as Zest's {@code InvestorCreateRow}; the optional country upper-case, left out when absent. */
    public InvestorCreateRow toCreateRow() {
        return new InvestorCreateRow(partnerInvestorId, email, firstName, lastName, dateOfBirth,
                countryOfResidence == null ? null : countryOfResidence.toUpperCase(Locale.ROOT));
    }

    /** Without the person's email, names and date of birth: rows reach log lines through Camel's bodies. */
    @Override
    public String toString() {
        return "InvestorRow[rowNumber=" + rowNumber + ", partnerInvestorId=" + partnerInvestorId
                + ", countryOfResidence=" + countryOfResidence + ", readError=" + readError + "]";
    }

    static InvestorRow unreadable(long rowNumber, String partnerInvestorId, RowError readError) {
        return new InvestorRow(rowNumber, partnerInvestorId, null, null, null, null, null, readError);
    }
}
