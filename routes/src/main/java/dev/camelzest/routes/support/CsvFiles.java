package dev.camelzest.routes.support;

import org.apache.commons.csv.CSVFormat;

/** The CSV dialect of the files partners drop: a header row, names matched ignoring case, values trimmed. */
public final class CsvFiles {

    public static final CSVFormat WITH_HEADER = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreHeaderCase(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();

    private CsvFiles() {
    }
}
