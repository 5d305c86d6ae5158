package dev.camelzest.routes.investors;

import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.filedrop.JsonLineRows;
import dev.camelzest.routes.filedrop.ReadLimits;
import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.RowReader;
import dev.camelzest.routes.filedrop.UnreadableFileException;

/**
 * Reads an investor JSON Lines file ({@link JsonLineRows}): one JSON object per line (Jackson), blank lines
 * skipped. A line that is not a JSON object is an invalid row; a file whose first row is not one is not JSON Lines
 * at all.
 */
final class JsonLinesInvestorReader implements RowReader<InvestorRow> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonLineRows lines;
    private final HeaderMapping mapping;

    JsonLinesInvestorReader(Path file, HeaderMapping mapping, ReadLimits limits) {
        this.mapping = mapping;
        this.lines = new JsonLineRows(file, limits);
        if (lines.hasNext() && !isJsonObject(lines.peek().text())) {
            close();
            throw new UnreadableFileException("Not a JSON Lines file: the first row is not a JSON object");
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
        return lines.hasNext();
    }

    /** Counts lines without parsing them: a line that is not JSON is a row error, not an unreadable file. */
    @Override
    public long countRemaining() {
        long rows = 0;
        while (lines.hasNext()) {
            lines.next();
            rows++;
        }
        return rows;
    }

    @Override
    public InvestorRow next() {
        JsonLineRows.Line line = lines.next();
        if (line.readError() != null) {
            return InvestorRow.unreadable(line.rowNumber(), null, line.readError());
        }
        JsonNode object;
        try {
            object = MAPPER.readTree(line.text());
        } catch (JsonProcessingException e) {
            return malformed(line, "The row is not valid JSON: " + e.getOriginalMessage());
        }
        if (!object.isObject()) {
            return malformed(line, "The row is not a JSON object");
        }
        String[] values = new String[InvestorField.values().length];
        for (InvestorField field : InvestorField.values()) {
            JsonNode value = object.get(mapping.column(field));
            if (value != null && value.isContainerNode()) {
                return InvestorRow.unreadable(line.rowNumber(),
                        text(object.get(mapping.column(InvestorField.PARTNER_INVESTOR_ID))),
                        RowError.invalid("format", field.fieldName(), field.fieldName() + " must be a string"));
            }
            values[field.ordinal()] = text(value);
        }
        return new InvestorRow(line.rowNumber(), values[0], values[1], values[2], values[3], values[4], values[5],
                null);
    }

    private static InvestorRow malformed(JsonLineRows.Line line, String message) {
        return InvestorRow.unreadable(line.rowNumber(), null, RowError.invalid("format", null, message));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : RowReader.valueOrNull(value.asText());
    }

    @Override
    public void close() {
        lines.close();
    }
}
