package dev.camelzest.routes.subscriptions;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.camelzest.routes.investors.UnreadableFileException;
import dev.camelzest.routes.support.CsvFiles;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a subscriptions CSV file with a header row (Apache Commons CSV): {@code spvSlug}, {@code partnerInvestorId}
 * or {@code zestPersonId}, {@code amount}, {@code currency}, {@code shareClassSlug}, {@code partnerSubscriptionId}
 * (optional). Header names are matched ignoring case; values are trimmed; blank lines skipped.
 */
final class SubscriptionCsvReader {

    static final List<String> REQUIRED_COLUMNS = List.of("spvSlug", "amount", "currency", "shareClassSlug");

    private SubscriptionCsvReader() {
    }

    /** The rows of the file; a file without the required columns, or not CSV, is refused as a whole. */
    static List<SubscriptionRow> read(Reader input) {
        try {
            return readRows(input);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableFileException("Not a subscriptions CSV file: " + e.getMessage());
        }
    }

    private static List<SubscriptionRow> readRows(Reader input) {
        try (CSVParser parser = CSVParser.builder().setReader(input).setFormat(CsvFiles.WITH_HEADER).get()) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            List<String> missing = new ArrayList<>(REQUIRED_COLUMNS.stream()
                    .filter(name -> !columns.containsKey(name)).toList());
            if (!columns.containsKey("partnerInvestorId") && !columns.containsKey("zestPersonId")) {
                missing.add("partnerInvestorId or zestPersonId");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("the header row lacks " + String.join(", ", missing));
            }
            List<SubscriptionRow> rows = new ArrayList<>();
            long number = 0;
            for (CSVRecord record : parser) {
                number++;
                rows.add(new SubscriptionRow(number, value(record, columns, "spvSlug"),
                        value(record, columns, "partnerInvestorId"), value(record, columns, "zestPersonId"),
                        value(record, columns, "amount"), value(record, columns, "currency"),
                        value(record, columns, "shareClassSlug"), value(record, columns, "partnerSubscriptionId")));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Field name to the header as written, ignoring case. */
    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> byLowerCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach(header -> byLowerCase.put(header, header));
        Map<String, String> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String field : Set.of("spvSlug", "partnerInvestorId", "zestPersonId", "amount", "currency",
                "shareClassSlug", "partnerSubscriptionId")) {
            if (byLowerCase.containsKey(field)) {
                columns.put(field, byLowerCase.get(field));
            }
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String field) {
        String column = columns.get(field);
        if (column == null || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isEmpty() ? null : value;
    }
}
