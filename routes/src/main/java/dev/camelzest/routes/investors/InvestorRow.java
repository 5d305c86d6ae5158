package dev.camelzest.routes.investors;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One investor row as read from an input file, values as written (trimmed, blank = absent).
 *
 * @param rowNumber 1-based position among the file's data rows (the CSV header and blank lines are not rows)
 * @param readError set when the row itself could not be read (malformed JSON line, wrong column count)
 */
public record InvestorRow(long rowNumber, String partnerInvestorId, String email, String firstName,
        String lastName, String dateOfBirth, String countryOfResidence, RowError readError) {

    /** The row as a Zest {@code InvestorCreateRow}; the optional country is left out when absent. */
    public Map<String, Object> toCreateRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("partnerInvestorId", partnerInvestorId);
        row.put("email", email);
        row.put("firstName", firstName);
        row.put("lastName", lastName);
        row.put("dateOfBirth", dateOfBirth);
        if (countryOfResidence != null) {
            row.put("countryOfResidence", countryOfResidence.toUpperCase(Locale.ROOT));
        }
        return row;
    }
}
