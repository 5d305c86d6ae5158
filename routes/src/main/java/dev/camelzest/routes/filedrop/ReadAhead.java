package dev.camelzest.routes.filedrop;

import java.io.Closeable;
import java.io.IOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Reads the next batches of a file on the import's reading thread while the route sends the current one, so that
 * reading and checking rows is not on the path between two bulk calls. At most {@value #AHEAD} batches are read
 * ahead. A reading failure surfaces where that batch would have: in {@link #hasNext()} or {@link #next()} on the
 * route's thread, after the batches read before it. {@link #close()} stops the reading and returns once the source
 * is closed.
 */
final class ReadAhead<T> implements Iterator<T>, Closeable {

    static final int AHEAD = 2;
    /** How often a waiting side looks whether the other has gone: the route closed, or the reading ended. */
    private static final long CHECK_MILLIS = 20;

    private final BlockingQueue<T> ready = new ArrayBlockingQueue<>(AHEAD);
    private final CountDownLatch readingEnded = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile RuntimeException failure;
    private T next;

    /** Starts reading {@code source} on {@code readingThread}; the source is closed there once read or closed. */
    ReadAhead(Iterator<T> source, Executor readingThread) {
        try {
            readingThread.execute(LogContext.carrying(() -> read(source)));
        } catch (RuntimeException e) {
            closeQuietly(source); // the reading thread is gone (the route is stopping): nothing will close it
            throw e;
        }
    }

    private void read(Iterator<T> source) {
        try {
            while (!closing && source.hasNext()) {
                T item = source.next();
                while (!closing && !ready.offer(item, CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                    // the route is busy with earlier batches
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            // a failure too (a row check's StackOverflowError): ending without one would read as the end of the file
            failure = new IllegalStateException("Reading the file failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = new IllegalStateException("Reading the file was interrupted", e);
        } finally {
            closeQuietly(source);
            readingEnded.countDown();
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = take();
        }
        return next != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T item = next;
        next = null;
        return item;
    }

    /** The next batch; null at the end; the reading's failure once the batches before it are taken. */
    private T take() {
        try {
            while (true) {
                T item = ready.poll(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                if (item != null) {
                    return item;
                }
                if (readingEnded.getCount() == 0) {
                    item = ready.poll();
                    if (item != null) {
                        return item;
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    return null;
                }
            }
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
            readingEnded.await();
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
