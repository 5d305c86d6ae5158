package dev.camelzest.routes.investors;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

/**
 * Reads the next batches of a file on the import's reading thread while the route sends the current one, so that
 * reading and checking rows is not on the path between two bulk calls. At most {@value #AHEAD} batches are read
 * ahead. A reading failure surfaces where that batch would have: in {@link #hasNext()} or {@link #next()} on the
 * route's thread. {@link #close()} stops the reading and returns once the source is closed.
 */
final class ReadAhead<T> implements Iterator<T>, Closeable {

    static final int AHEAD = 2;

    private static final Object END = new Object();

    private final BlockingQueue<Object> ready = new ArrayBlockingQueue<>(AHEAD);
    private final CountDownLatch sourceClosed = new CountDownLatch(1);
    private volatile boolean closing;
    private Object next;

    private record Failure(RuntimeException cause) {
    }

    /** Starts reading {@code source} on {@code readingThread}; the source is closed there once read or closed. */
    ReadAhead(Iterator<T> source, Executor readingThread) {
        readingThread.execute(() -> read(source));
    }

    private void read(Iterator<T> source) {
        try {
            while (!closing) {
                if (!source.hasNext()) {
                    ready.put(END);
                    return;
                }
                ready.put(source.next());
            }
        } catch (RuntimeException e) {
            putQuietly(new Failure(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            putQuietly(new Failure(new IllegalStateException("Reading the file was interrupted", e)));
        } finally {
            closeQuietly(source);
            sourceClosed.countDown();
        }
    }

    private void putQuietly(Object item) {
        // nobody waits for an item once the route closed the iterator, and the queue may then be full
        ready.offer(item);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = take();
        }
        if (next instanceof Failure failure) {
            throw failure.cause();
        }
        return next != END;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = (T) next;
        next = null;
        return item;
    }

    private Object take() {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next batch", e);
        }
    }

    /** Stops reading ahead and waits until the source is closed: its file may then be moved. */
    @Override
    public void close() throws IOException {
        closing = true;
        ready.clear();
        try {
            sourceClosed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while closing the file being read", e);
        }
    }

    private static void closeQuietly(Object source) {
        if (source instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException | RuntimeException ignored) {
                // the file has been read or given up: nothing is lost if its reader cannot close cleanly
            }
        }
    }
}
