package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timed out rather than hanging the build if the hand-over between the two threads ever gets stuck. */
@Timeout(30)
class ReadAheadTest {

    private final ExecutorService readingThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        readingThread.shutdownNow();
    }

    /** Counts up to {@code size}, failing at {@code failAt} if set; remembers how far it was read and its close. */
    static class Numbers implements Iterator<Integer>, Closeable {
        final int size;
        final int failAt;
        final AtomicInteger read = new AtomicInteger();
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean readOnRouteThread = new AtomicBoolean();
        final Thread routeThread = Thread.currentThread();
        final AtomicReference<Thread> reader = new AtomicReference<>();

        Numbers(int size, int failAt) {
            this.size = size;
            this.failAt = failAt;
        }

        @Override
        public boolean hasNext() {
            return read.get() < size;
        }

        @Override
        public Integer next() {
            readOnRouteThread.compareAndSet(false, Thread.currentThread() == routeThread);
            reader.compareAndSet(null, Thread.currentThread());
            int next = read.incrementAndGet();
            if (next == failAt) {
                throw new UnreadableFileException("row " + next + " cannot be read");
            }
            return next;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    @Test
    void givesEveryItemInOrderReadOnAThreadOfItsOwnAndClosesTheSource() throws Exception {
        Numbers source = new Numbers(1_000, -1);
        List<Integer> items = new ArrayList<>();
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread)) {
            ahead.forEachRemaining(items::add);
        }

        assertThat(items).hasSize(1_000).isSorted();
        assertThat(source.readOnRouteThread).isFalse();
        assertThat(source.closed).isTrue();
    }

    @Test
    void readsNoMoreThanItsDepthAhead() throws Exception {
        Numbers source = new Numbers(1_000, -1);
        try (ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread)) {
            assertThat(ahead.next()).isEqualTo(1);
            Thread reader = source.reader.get();

            // one taken, AHEAD waiting, one more read and the reader waiting for room: it goes no further
            await().atMost(Duration.ofSeconds(10)).until(() -> source.read.get() == 1 + ReadAhead.AHEAD + 1
                    && reader.getState() == Thread.State.TIMED_WAITING);
            assertThat(source.read.get()).isEqualTo(1 + ReadAhead.AHEAD + 1);
        }
        assertThat(source.closed).isTrue();
    }

    @Test
    void aReadingFailureSurfacesOnTheRouteThreadWhereItsItemWouldHaveBeen() {
        Numbers source = new Numbers(1_000, 4);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread)) {
                assertThat(ahead.next()).isEqualTo(1);
                // the reading has failed (and closed its source) while the batches before it wait in the queue
                await().atMost(Duration.ofSeconds(5)).untilTrue(source.closed);
                assertThat(ahead.next()).isEqualTo(2);
                assertThat(ahead.next()).isEqualTo(3);
                assertThatThrownBy(ahead::hasNext).isInstanceOf(UnreadableFileException.class)
                        .hasMessage("row 4 cannot be read");
            }
        });
        assertThat(source.closed).isTrue();
    }

    @Test
    void closingPartWayStopsTheReadingAndClosesTheSourceBeforeReturning() throws Exception {
        Numbers source = new Numbers(1_000_000, -1);
        ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread);
        ahead.next();
        ahead.close();

        assertThat(source.closed).isTrue();
        int readAtClose = source.read.get();
        Thread.sleep(100);
        assertThat(source.read.get()).isEqualTo(readAtClose).isLessThan(1_000_000);
    }

    /**
     * An Error (a StackOverflowError in a row check's pattern, an OutOfMemoryError) is a reading failure like any
     * other: it once ended the reading as if the file had ended there, and the file completed without its last rows.
     */
    @Test
    void anErrorOnTheReadingThreadFailsTheFileInsteadOfEndingItEarly() {
        Numbers source = new Numbers(1_000, 3) {
            @Override
            public Integer next() {
                if (read.get() + 1 == failAt) {
                    read.incrementAndGet();
                    throw new StackOverflowError("a row check's pattern recursed too deep");
                }
                return super.next();
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread)) {
                assertThat(ahead.next()).isEqualTo(1);
                assertThat(ahead.next()).isEqualTo(2);
                assertThatThrownBy(ahead::hasNext).as("not the end of the file")
                        .hasRootCauseInstanceOf(StackOverflowError.class);
            }
        });
        assertThat(source.closed).isTrue();
    }

    /** The reading thread interrupted while it waits for room (its pool shut down as the route stops). */
    @Test
    void anInterruptedReadingFailsTheFileAndClosesTheSource() {
        Numbers source = new Numbers(1_000, -1);
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            try (ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread)) {
                await().atMost(Duration.ofSeconds(5)).until(() -> source.read.get() == ReadAhead.AHEAD + 1
                        && source.reader.get().getState() == Thread.State.TIMED_WAITING);
                readingThread.shutdownNow();

                await().atMost(Duration.ofSeconds(5)).untilTrue(source.closed);
                assertThat(ahead.next()).isEqualTo(1);
                assertThat(ahead.next()).isEqualTo(2);
                assertThatThrownBy(ahead::hasNext).isInstanceOf(IllegalStateException.class)
                        .hasMessage("Reading the file was interrupted");
            }
        });
    }

    /** The route's thread interrupted while it waits for the next batch: it fails there, the interrupt kept. */
    @Test
    void anInterruptWhileWaitingForTheNextBatchFailsThereAndKeepsTheInterrupt() throws Exception {
        CountDownLatch slowRow = new CountDownLatch(1);
        Numbers source = new Numbers(10, -1) {
            @Override
            public Integer next() {
                awaitQuietly(slowRow);
                return super.next();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread);

        InterruptedWait route = InterruptedWait.of(ahead::hasNext);

        assertThat(route.failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Interrupted while waiting for the next batch");
        assertThat(route.interruptKept()).isTrue();
        slowRow.countDown();
        ahead.close();
        assertThat(source.closed).isTrue();
    }

    /**
     * A close interrupted while the reading thread is still in a row (Camel interrupting the threads it waits for):
     * it fails rather than let the file be moved while it is read, and keeps the interrupt.
     */
    @Test
    void anInterruptedCloseFailsAndKeepsTheInterrupt() throws Exception {
        CountDownLatch inRow = new CountDownLatch(1);
        CountDownLatch slowRow = new CountDownLatch(1);
        Numbers source = new Numbers(10, -1) {
            @Override
            public Integer next() {
                if (read.get() == 1) {
                    inRow.countDown();
                    awaitQuietly(slowRow);
                }
                return super.next();
            }
        };
        ReadAhead<Integer> ahead = new ReadAhead<>(source, readingThread);
        assertThat(inRow.await(5, TimeUnit.SECONDS)).isTrue();

        Thread.currentThread().interrupt();
        assertThatThrownBy(ahead::close).isInstanceOf(java.io.IOException.class)
                .hasMessage("Interrupted while closing the file being read");
        assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        assertThat(source.closed).as("still being read").isFalse();

        slowRow.countDown();
        ahead.close();
        assertThat(source.closed).isTrue();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aSourceIsClosedWhenNoThreadIsLeftToReadIt() {
        Numbers source = new Numbers(10, -1);
        readingThread.shutdown();

        assertThatThrownBy(() -> new ReadAhead<>(source, readingThread))
                .isInstanceOf(RejectedExecutionException.class);
        assertThat(source.closed).isTrue();
    }
}
