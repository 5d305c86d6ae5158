package dev.camelzest.routes.filedrop;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;

/**
 * The batches of a file as the route's parallel split takes them: a batch is handed out only when its
 * {@link InFlightLimit} has room, so that no more batches are in flight (sent, answered, waiting to be recorded)
 * than the limit allows, and memory stays bounded by them. Once closed (the split is done or gave up) no batch is
 * handed out: {@link #next()} then gives null, which Camel's splitter skips.
 */
final class BatchesInFlight<T> implements Iterator<T>, Closeable {

    private final Iterator<T> batches;
    private final InFlightLimit limit;
    private volatile boolean closed;

    BatchesInFlight(Iterator<T> batches, InFlightLimit limit) {
        this.batches = batches;
        this.limit = limit;
    }

    @Override
    public boolean hasNext() {
        return !closed && batches.hasNext();
    }

    /**
     * The next batch once there is room for it; null when the split closed it meanwhile. When the import ended part-way
     * meanwhile (a batch failed, or Camel stops: {@link FileRun#endPartWay} closed the limit), the split ends here with
     * {@link ImportInterruptedException}: handed null, Camel's splitter would ask again at once, for as long as the end
     * takes, and no next batch at all would read as the end of the file.
     */
    @Override
    public T next() {
        try {
            if (limit.acquire() == null) {
                if (closed) {
                    return null;
                }
                throw new ImportInterruptedException("the import ended part-way; no batch is handed out any more");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for room for the next batch", e);
        }
        if (closed || !batches.hasNext()) {
            limit.release();
            return null;
        }
        return batches.next();
    }

    /** Hands out nothing more, wakes a split waiting for room, and closes the batches (and so the file). */
    @Override
    public void close() throws IOException {
        closed = true;
        limit.close();
        if (batches instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
