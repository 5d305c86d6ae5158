package dev.camelzest.routes.investors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads an investor JSON Lines file: one JSON object per line (Jackson), blank lines skipped. A line that is not a
 * JSON object is an invalid row; a file whose first row is not one is not JSON Lines at all.
 */
final class JsonLinesInvestorReader implements InvestorRowReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final BufferedReader reader;
    private final HeaderMapping mapping;
    private String nextLine;
    private long rowNumber;

    JsonLinesInvestorReader(Path file, HeaderMapping mapping) {
        this.mapping = mapping;
        try {
            reader = new BufferedReader(InvestorRowReader.openUtf8(file));
        } catch (IOException e) {
            throw new UnreadableFileException("Cannot open the file: " + ReadFailures.describe(e));
        }
        advance();
        if (nextLine != null && !isJsonObject(nextLine)) {
            close();
            throw new UnreadableFileException("Not a JSON Lines file: the first row is not a JSON object");
        }
    }

    private void advance() {
        try {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            nextLine = line;
        } catch (IOException e) {
            throw new UnreadableFileException(
                    "Unreadable JSON Lines after row " + rowNumber + ": " + ReadFailures.describe(e));
        }
    }

    private static boolean isJsonObject(String line) {
        try {
            return MAPPER.readTree(line).isObject();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    @Override
    public boolean hasNext() {
        return nextLine != null;
    }

    @Override
    public InvestorRow next() {
        if (nextLine == null) {
            throw new NoSuchElementException();
        }
        String line = nextLine;
        rowNumber++;
        advance();
        return parse(line);
    }

    /** Counts lines without parsing them: a line that is not JSON is a row error, not an unreadable file. */
    @Override
    public long countRemaining() {
        long rows = 0;
        while (nextLine != null) {
            rowNumber++;
            rows++;
            advance();
        }
        return rows;
    }

    private InvestorRow parse(String line) {
        JsonNode object;
        try {
            object = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return malformed("The row is not valid JSON: " + e.getOriginalMessage());
        }
        if (!object.isObject()) {
            return malformed("The row is not a JSON object");
        }
        String[] values = new String[InvestorField.values().length];
        for (InvestorField field : InvestorField.values()) {
            JsonNode value = object.get(mapping.column(field));
            if (value != null && value.isContainerNode()) {
                return new InvestorRow(rowNumber, text(object.get(mapping.column(InvestorField.PARTNER_INVESTOR_ID))),
                        null, null, null, null, null,
                        RowError.invalid("format", field.fieldName(), field.fieldName() + " must be a string"));
            }
            values[field.ordinal()] = text(value);
        }
        return new InvestorRow(rowNumber, values[0], values[1], values[2], values[3], values[4], values[5], null);
    }

    private InvestorRow malformed(String message) {
        return new InvestorRow(rowNumber, null, null, null, null, null, null,
                RowError.invalid("format", null, message));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : InvestorRowReader.valueOrNull(value.asText());
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
