package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * The non-blank lines of a JSON Lines file, bounded and checked one by one like {@link CsvRows}: a line longer
 * than {@link ReadLimits#maxRecordLength()} makes the file unreadable (it is never held whole), a line holding
 * bytes that are not valid in the file's character set comes with an {@code encoding} read error.
 */
public final class JsonLineRows implements RowReader<JsonLineRows.Line> {

    /** One non-blank line: its row number, its text, and why it cannot be used as it is (null when it can). */
    public record Line(long rowNumber, String text, RowError readError) {
    }

    private final DecodingReader reader;
    private final ReadLimits limits;
    private final char[] buffer = new char[8192];
    private int length;
    private int next;
    /** The character position of {@code buffer[0]} in the file's text. */
    private long bufferStart;
    private long rowNumber;
    private Line ahead;

    public JsonLineRows(Path file, ReadLimits limits) {
        this.limits = limits;
        try {
            reader = new DecodingReader(file, limits.charset());
        } catch (IOException e) {
            throw new UnreadableFileException("Cannot open the file: " + ReadFailures.describe(e));
        }
        ahead = readLine();
    }

    private Line readLine() {
        StringBuilder line = new StringBuilder();
        try {
            while (true) {
                line.setLength(0);
                int c;
                while ((c = read()) >= 0 && c != '\n' && c != '\r') {
                    if (line.length() == limits.maxRecordLength()) {
                        throw new UnreadableFileException("Row " + (rowNumber + 1) + " is longer than "
                                + "maxRecordLength (" + limits.maxRecordLength() + " characters)");
                    }
                    line.append((char) c);
                }
                long end = bufferStart + next;
                DecodingReader.BadBytes bad = reader.takeBadBytesBefore(end);
                if (!line.toString().isBlank()) {
                    rowNumber++;
                    return new Line(rowNumber, line.toString(), bad == null ? null
                            : CsvRows.encodingError(bad, limits));
                }
                if (c < 0) {
                    return null;
                }
            }
        } catch (IOException e) {
            throw new UnreadableFileException(
                    "Unreadable JSON Lines after row " + rowNumber + ": " + ReadFailures.describe(e));
        }
    }

    private int read() throws IOException {
        if (next == length) {
            bufferStart += length;
            length = Math.max(0, reader.read(buffer, 0, buffer.length));
            next = 0;
            if (length == 0) {
                return -1;
            }
        }
        return buffer[next++];
    }

    /** The next line, not taken; null at the end. */
    public Line peek() {
        return ahead;
    }

    @Override
    public boolean hasNext() {
        return ahead != null;
    }

    @Override
    public Line next() {
        if (ahead == null) {
            throw new NoSuchElementException();
        }
        Line line = ahead;
        ahead = readLine();
        return line;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing is left to read from it
        }
    }
}
