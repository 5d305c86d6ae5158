package dev.camelzest.routes.filedrop;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes row outcomes to a local file, one line a row, in the order given: CSV with a header row (Commons CSV;
 * every value neutralised by {@link SpreadsheetSafe}, since results files are opened in spreadsheets) or
 * JSON Lines (Jackson), with the flow's columns either way.
 */
public abstract sealed class ResultWriter<O> implements Closeable {

    protected final ResultColumns<O> columns;

    private ResultWriter(ResultColumns<O> columns) {
        this.columns = columns;
    }

    public static <O> ResultWriter<O> create(Path file, FileFormat format, ResultColumns<O> columns) {
        try {
            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            return format == FileFormat.CSV ? new Csv<>(out, columns) : new JsonLines<>(out, columns);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public abstract void write(O outcome);

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

    private static final class Csv<O> extends ResultWriter<O> {
        private final CSVPrinter printer;

        Csv(Writer out, ResultColumns<O> columns) throws IOException {
            super(columns);
            printer = CSVFormat.DEFAULT.builder().setHeader(columns.names().toArray(String[]::new)).get().print(out);
        }

        @Override
        public void write(O outcome) {
            Object[] values = columns.values().apply(outcome);
            for (int i = 0; i < values.length; i++) {
                values[i] = SpreadsheetSafe.cell(values[i]);
            }
            unchecked(() -> printer.printRecord(values));
        }

        @Override
        public void flush() {
            unchecked(printer::flush);
        }

        @Override
        public void close() {
            unchecked(() -> printer.close(true));
        }
    }

    private static final class JsonLines<O> extends ResultWriter<O> {
        private static final ObjectMapper MAPPER = new ObjectMapper()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        private final Writer out;

        JsonLines(Writer out, ResultColumns<O> columns) {
            super(columns);
            this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        }

        @Override
        public void write(O outcome) {
            Object[] values = columns.values().apply(outcome);
            List<String> names = columns.names();
            Map<String, Object> line = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (values[i] != null) {
                    line.put(names.get(i), values[i]);
                }
            }
            unchecked(() -> {
                MAPPER.writeValue(out, line);
                out.write('\n');
            });
        }

        @Override
        public void flush() {
            unchecked(out::flush);
        }

        @Override
        public void close() {
            unchecked(out::close);
        }
    }
}
