package dev.camelzest.routes.filedrop;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The rows of one file, read, checked and grouped into {@link Batch}es of at most {@code batchSize} rows. */
final class Batches<R extends DropRow, O extends RowOutcome> implements Iterator<Batch<R, O>>, Closeable {

    private final RowReader<R> reader;
    private final RowCheck<R, O> check;
    private final FileDropFlow<R, O> flow;
    private final int batchSize;
    private long sequence;

    Batches(RowReader<R> reader, RowCheck<R, O> check, FileDropFlow<R, O> flow, int batchSize) {
        this.reader = reader;
        this.check = check;
        this.flow = flow;
        this.batchSize = batchSize;
    }

    @Override
    public boolean hasNext() {
        return reader.hasNext();
    }

    @Override
    public Batch<R, O> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Checked<R, O>> rows = new ArrayList<>(batchSize);
        while (rows.size() < batchSize && reader.hasNext()) {
            rows.add(check.check(reader.next()));
        }
        return new Batch<>(sequence++, rows, flow);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            check.close();
        }
    }
}
