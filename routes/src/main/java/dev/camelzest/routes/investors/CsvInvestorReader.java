package dev.camelzest.routes.investors;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads an investor CSV file with a header row, record by record (Apache Commons CSV). */
final class CsvInvestorReader implements InvestorRowReader {

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    /** The position of each field's column; resolved once, since a lookup by name ignores case and is slow. */
    private final Map<InvestorField, Integer> columns = new EnumMap<>(InvestorField.class);
    private final int headerSize;
    private long rowNumber;

    CsvInvestorReader(Path file, HeaderMapping mapping, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreHeaderCase(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        Reader reader = null;
        try {
            reader = InvestorRowReader.openUtf8(file);
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            closeQuietly(reader);
            throw new UnreadableFileException("Not a readable CSV file with a header row: " + ReadFailures.describe(e));
        }
        headerSize = parser.getHeaderNames().size();
        resolveColumns(mapping);
        records = parser.iterator();
    }

    private void resolveColumns(HeaderMapping mapping) {
        Map<String, Integer> header = parser.getHeaderMap();
        List<String> missing = new ArrayList<>();
        for (InvestorField field : InvestorField.values()) {
            String column = mapping.column(field);
            if (header.containsKey(column)) {
                columns.put(field, header.get(column));
            } else if (field.required()) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            close();
            throw new UnreadableFileException("The CSV header " + parser.getHeaderNames()
                    + " lacks the required column(s) " + missing);
        }
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new UnreadableFileException(
                    "Unreadable CSV after data row " + rowNumber + ": " + ReadFailures.describe(e));
        }
    }

    @Override
    public long countRemaining() {
        long rows = 0;
        while (hasNext()) {
            records.next();
            rowNumber++;
            rows++;
        }
        return rows;
    }

    @Override
    public InvestorRow next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CSVRecord record = records.next();
        rowNumber++;
        RowError readError = record.size() == headerSize ? null
                : RowError.invalid("format", null, "The row has " + record.size() + " columns, the header has "
                        + headerSize);
        return new InvestorRow(rowNumber,
                value(record, InvestorField.PARTNER_INVESTOR_ID), value(record, InvestorField.EMAIL),
                value(record, InvestorField.FIRST_NAME), value(record, InvestorField.LAST_NAME),
                value(record, InvestorField.DATE_OF_BIRTH), value(record, InvestorField.COUNTRY_OF_RESIDENCE),
                readError);
    }

    private String value(CSVRecord record, InvestorField field) {
        Integer column = columns.get(field);
        return column != null && column < record.size() ? InvestorRowReader.valueOrNull(record.get(column)) : null;
    }

    @Override
    public void close() {
        closeQuietly(parser);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // nothing left to read from it
            }
        }
    }
}
