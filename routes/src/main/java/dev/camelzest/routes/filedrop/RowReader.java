package dev.camelzest.routes.filedrop;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the rows of one dropped file. Problems of the file as a whole (not the format, over a bound, the header
 * missing) surface as {@link UnreadableFileException}, problems of a single row in the row itself.
 */
public interface RowReader<R> extends Iterator<R>, Closeable {

    /** Blank text is absent; other text is stripped. */
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
