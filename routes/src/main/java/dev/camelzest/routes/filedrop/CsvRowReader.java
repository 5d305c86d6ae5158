package dev.camelzest.routes.filedrop;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;

/**
 * A flow's reader of a CSV file with a header row: the rows of {@link CsvRows}, each made into the flow's row by
 * {@link #row}. The header is checked by the subclass's constructor, through {@link #header()}.
 */
public abstract class CsvRowReader<R> implements RowReader<R> {

    private final CsvRows rows;

    protected CsvRowReader(Path file, char delimiter, ReadLimits limits) {
        this.rows = new CsvRows(file, limits, delimiter);
    }

    /** Header names (case ignored) to column positions. */
    protected Map<String, Integer> header() {
        return rows.headerMap();
    }

    /** The header names as written. */
    protected List<String> headerNames() {
        return rows.headerNames();
    }

    /** The flow's row from one CSV row (whose read error, if any, it keeps). */
    protected abstract R row(CsvRows.Row row);

    /** The stripped value at {@code column}, null when blank or absent. */
    protected static String value(CSVRecord record, Integer column) {
        return column != null && column < record.size() ? RowReader.valueOrNull(record.get(column)) : null;
    }

    @Override
    public boolean hasNext() {
        return rows.hasNext();
    }

    @Override
    public R next() {
        return row(rows.next());
    }

    @Override
    public long countRemaining() {
        return rows.countRemaining();
    }

    @Override
    public void close() {
        rows.close();
    }
}
