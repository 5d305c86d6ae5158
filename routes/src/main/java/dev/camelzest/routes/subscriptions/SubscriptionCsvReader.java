package dev.camelzest.routes.subscriptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.camelzest.routes.filedrop.CsvRowReader;
import dev.camelzest.routes.filedrop.CsvRows;
import dev.camelzest.routes.filedrop.ReadLimits;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a subscriptions CSV file with a header row ({@link CsvRowReader}), row by row: {@code spvSlug},
 * {@code partnerInvestorId} or {@code zestPersonId}, {@code amount}, {@code currency}, {@code shareClassSlug},
 * {@code partnerSubscriptionId} (optional). Header names are matched ignoring case; values are trimmed; blank lines
 * skipped.
 */
final class SubscriptionCsvReader extends CsvRowReader<SubscriptionRow> {

    static final List<String> REQUIRED_COLUMNS = List.of("spvSlug", "amount", "currency", "shareClassSlug");
    private static final List<String> FIELDS = List.of("spvSlug", "partnerInvestorId", "zestPersonId", "amount",
            "currency", "shareClassSlug", "partnerSubscriptionId");

    /** Field name to its column position. */
    private final Map<String, Integer> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** A file without the required columns, or not CSV, is refused as a whole. */
    SubscriptionCsvReader(Path file, char delimiter, ReadLimits limits) {
        super(file, delimiter, limits);
        Map<String, Integer> header = header();
        for (String field : FIELDS) {
            if (header.containsKey(field)) {
                columns.put(field, header.get(field));
            }
        }
        List<String> missing = new ArrayList<>(REQUIRED_COLUMNS.stream()
                .filter(name -> !columns.containsKey(name)).toList());
        if (!columns.containsKey("partnerInvestorId") && !columns.containsKey("zestPersonId")) {
            missing.add("partnerInvestorId or zestPersonId");
        }
        if (!missing.isEmpty()) {
            close();
            throw new UnreadableFileException("Not a subscriptions CSV file: the header row lacks "
                    + String.join(", ", missing));
        }
    }

    @Override
    protected SubscriptionRow row(CsvRows.Row row) {
        CSVRecord record = row.record();
        return new SubscriptionRow(row.rowNumber(), value(record, "spvSlug"), value(record, "partnerInvestorId"),
                value(record, "zestPersonId"), value(record, "amount"), value(record, "currency"),
                value(record, "shareClassSlug"), value(record, "partnerSubscriptionId"), row.readError());
    }

    private String value(CSVRecord record, String field) {
        return value(record, columns.get(field));
    }
}
