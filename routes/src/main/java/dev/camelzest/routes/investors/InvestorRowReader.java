package dev.camelzest.routes.investors;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.io.input.BOMInputStream;

/**
 * Streams the rows of one investor file. Reading problems of the file as a whole surface as
 * {@link UnreadableFileException}, problems of a single row as {@link InvestorRow#readError()}.
 */
public interface InvestorRowReader extends Iterator<InvestorRow>, Closeable {

    /** Opens a file as strict UTF-8 (malformed bytes are an error, never replaced), skipping a byte order mark. */
    static Reader openUtf8(Path file) throws IOException {
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
    }

    /** Blank text is absent. */
    static String valueOrNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Reads past the rows not read yet, checking the file can be read to its end; answers how many there were. */
    default long countRemaining() {
        long rows = 0;
        while (hasNext()) {
            next();
            rows++;
        }
        return rows;
    }

    @Override
    void close();
}
