package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import dev.camelzest.routes.support.CsvFiles;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The data rows of a CSV file with a header row (Apache Commons CSV over a {@link DecodingReader}), bounded and
 * checked one by one: a record longer than {@link ReadLimits#maxRecordLength()} makes the file unreadable, a
 * record holding bytes that are not valid in the file's character set is handed on with an {@code encoding} read
 * error naming its byte offset, and the rows around it read on. Each record's extent comes from Commons CSV's
 * {@link CSVRecord#getCharacterPosition()}: the next record is parsed before the current one is handed on.
 */
public final class CsvRows implements RowReader<CsvRows.Row> {

    /** One data row: its number, its fields, and why it cannot be used as it is (null when it can). */
    public record Row(long rowNumber, CSVRecord record, RowError readError) {
    }

    /** How far the parser's own buffer may have read beyond the record it is parsing. */
    private static final int PARSER_READ_AHEAD = 8192;

    private final DecodingReader reader;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final ReadLimits limits;
    private CSVRecord ahead;
    private long rowNumber;

    public CsvRows(Path file, ReadLimits limits, char delimiter) {
        this.limits = limits;
        try {
            reader = new DecodingReader(file, limits.charset());
        } catch (IOException e) {
            throw new UnreadableFileException("Cannot open the file: " + ReadFailures.describe(e));
        }
        reader.limitAt(limits.maxRecordLength() + PARSER_READ_AHEAD);
        try {
            parser = CSVParser.builder().setReader(reader)
                    .setFormat(CsvFiles.WITH_HEADER.builder().setDelimiter(delimiter).get()).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            closeQuietly();
            if (isOverLimit(e)) {
                throw new UnreadableFileException("The header row is longer than maxRecordLength ("
                        + limits.maxRecordLength() + " characters)");
            }
            throw new UnreadableFileException("Not a readable CSV file with a header row: " + ReadFailures.describe(e));
        }
        records = parser.iterator();
        reader.limitAt(reader.position() + 2L * limits.maxRecordLength() + PARSER_READ_AHEAD);
        ahead = fetchChecked();
        DecodingReader.BadBytes inHeader = reader.takeBadBytesBefore(ahead != null ? ahead.getCharacterPosition()
                : reader.position());
        if (inHeader != null) {
            closeQuietly();
            throw new UnreadableFileException("The header row is not valid " + limits.charset().name()
                    + " text (byte offset " + inHeader.byteOffset() + ")");
        }
    }

    public List<String> headerNames() {
        return parser.getHeaderNames();
    }

    /** Header names (case ignored) to column positions. */
    public Map<String, Integer> headerMap() {
        return parser.getHeaderMap();
    }

    /** The record after the {@code rowNumber} ones handed on; an unreadable one makes the file unreadable. */
    private CSVRecord fetchChecked() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            // the record after this one may take its own bound, beyond what this one may still turn out to take
            reader.limitAt(record.getCharacterPosition() + 2L * limits.maxRecordLength() + PARSER_READ_AHEAD);
            return record;
        } catch (UncheckedIOException | IllegalStateException e) {
            closeQuietly();
            if (isOverLimit(e)) {
                throw new UnreadableFileException("Row " + (rowNumber + 1) + " is longer than maxRecordLength ("
                        + limits.maxRecordLength() + " characters)");
            }
            throw new UnreadableFileException(
                    "Unreadable CSV after data row " + rowNumber + ": " + ReadFailures.describe(e));
        }
    }

    @Override
    public boolean hasNext() {
        return ahead != null;
    }

    @Override
    public Row next() {
        if (ahead == null) {
            throw new NoSuchElementException();
        }
        CSVRecord current = ahead;
        rowNumber++;
        ahead = fetchChecked();
        long end = ahead != null ? ahead.getCharacterPosition() : reader.position();
        if (end - current.getCharacterPosition() > limits.maxRecordLength()) {
            throw new UnreadableFileException("Row " + rowNumber + " is longer than maxRecordLength ("
                    + limits.maxRecordLength() + " characters)");
        }
        DecodingReader.BadBytes bad = reader.takeBadBytesBefore(end);
        return new Row(rowNumber, current, bad == null ? null : encodingError(bad, limits));
    }

    static RowError encodingError(DecodingReader.BadBytes bad, ReadLimits limits) {
        return RowError.invalid("encoding", null, "The row holds bytes that are not valid "
                + limits.charset().name() + " text (byte offset " + bad.byteOffset() + " of the file)");
    }

    private static boolean isOverLimit(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DecodingReader.LimitExceeded) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (parser != null) {
                parser.close();
            } else {
                reader.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // nothing is left to read from it
        }
    }
}
