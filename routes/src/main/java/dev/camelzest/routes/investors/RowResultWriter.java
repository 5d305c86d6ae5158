package dev.camelzest.routes.investors;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes row results to a local file, one line a row, in the order given: CSV with a header row (Commons CSV) or
 * JSON Lines (Jackson), with the same columns either way.
 */
public abstract sealed class RowResultWriter implements Closeable {

    static final String[] COLUMNS = {
            "rowNumber", "partnerInvestorId", "status", "zestPersonId", "errorCode", "errorField", "errorMessage",
            "retryable" };

    public static RowResultWriter create(Path file, InvestorFileFormat format) {
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return format == InvestorFileFormat.CSV ? new Csv(out) : new JsonLines(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public abstract void write(RowResult result);

    /** Pushes what was written so far to the file. */
    public abstract void flush();

    @Override
    public abstract void close();

    private interface IoAction {
        void run() throws IOException;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object[] values(RowResult result) {
        RowError error = result.error();
        return new Object[] {
                result.rowNumber(), result.partnerInvestorId(), result.status().value(), result.zestPersonId(),
                error == null ? null : error.code(), error == null ? null : error.field(),
                error == null ? null : error.message(), error == null ? null : error.retryable() };
    }

    private static final class Csv extends RowResultWriter {
        private final CSVPrinter printer;

        Csv(Writer out) throws IOException {
            printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(out);
        }

        @Override
        public void write(RowResult result) {
            unchecked(() -> printer.printRecord(values(result)));
        }

        @Override
        public void flush() {
            unchecked(() -> printer.flush());
        }

        @Override
        public void close() {
            unchecked(() -> printer.close(true));
        }
    }

    private static final class JsonLines extends RowResultWriter {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        private final Writer out;

        JsonLines(Writer out) {
            this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        }

        @Override
        public void write(RowResult result) {
            Object[] values = values(result);
            Map<String, Object> line = new LinkedHashMap<>();
            for (int i = 0; i < COLUMNS.length; i++) {
                if (values[i] != null) {
                    line.put(COLUMNS[i], values[i]);
                }
            }
            unchecked(() -> {
                MAPPER.writeValue(out, line);
                out.write('\n');
            });
        }

        @Override
        public void flush() {
            unchecked(() -> out.flush());
        }

        @Override
        public void close() {
            unchecked(() -> out.close());
        }
    }
}
