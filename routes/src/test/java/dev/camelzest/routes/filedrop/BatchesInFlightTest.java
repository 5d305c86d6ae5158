package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timed out rather than hanging the build if a batch waiting for room is never woken. */
@Timeout(30)
class BatchesInFlightTest {

    private final ExecutorService splitThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        splitThread.shutdownNow();
    }

    @Test
    void handsOutNoMoreBatchesThanTheLimitUntilOneIsRecorded() throws Exception {
        InFlightLimit limit = new InFlightLimit(2, Duration.ofSeconds(10));
        ReadAheadTest.Numbers source = new ReadAheadTest.Numbers(10, -1);
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(source, limit);
        assertThat(batches.next()).isEqualTo(1);
        assertThat(batches.next()).isEqualTo(2);

        CompletableFuture<Integer> third = CompletableFuture.supplyAsync(batches::next, splitThread);
        Thread.sleep(100);
        assertThat(third).as("no room for a third").isNotDone();
        assertThat(source.read).as("nor is it read meanwhile").hasValue(2);

        limit.release();
        assertThat(third.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        assertThat(limit.inFlight()).isEqualTo(2);
    }

    @Test
    void aSplitWaitingForRoomIsWokenByTheCloseAndGetsNoBatch() throws Exception {
        InFlightLimit limit = new InFlightLimit(1, Duration.ofSeconds(10));
        ReadAheadTest.Numbers source = new ReadAheadTest.Numbers(10, -1);
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(source, limit);
        batches.next();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(batches::next, splitThread);
        Thread.sleep(50);

        batches.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(batches.hasNext()).isFalse();
        assertThat(source.closed).as("the file is closed with it").isTrue();
    }

    @Test
    void noBatchAnsweredWithinTheStallTimeoutFailsTheNextOneInsteadOfWaitingForever() {
        InFlightLimit limit = new InFlightLimit(1, Duration.ofMillis(100));
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(new ReadAheadTest.Numbers(10, -1), limit);
        batches.next();

        assertThatThrownBy(batches::next).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No batch was answered and recorded within PT0.1S");
    }

    /**
     * The import ends part-way (a batch failed, or Camel stops) and its end closes the limit while the split waits for
     * room: the split's iteration ends there with the stop, instead of being handed nothing for ever. (It was handed
     * null, which Camel's splitter skips and asks again for: a thread spinning for as long as the end took, the calls
     * still open awaited included.) Camel's splitter takes batches as this loop does.
     */
    @Test
    void theEndOfTheImportEndsTheSplitWaitingForRoomWithTheStop() throws Exception {
        InFlightLimit limit = new InFlightLimit(1, Duration.ofSeconds(10));
        ReadAheadTest.Numbers source = new ReadAheadTest.Numbers(10, -1);
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(source, limit);
        batches.next();
        AtomicInteger handedNothing = new AtomicInteger();
        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            Integer batch = null;
            while (batch == null && batches.hasNext() && handedNothing.get() < 1_000) {
                batch = batches.next();
                if (batch == null) {
                    handedNothing.incrementAndGet();
                }
            }
            return batch;
        }, splitThread);
        Thread.sleep(50);

        limit.close(); // FileRun.endPartWay

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ImportInterruptedException.class);
        assertThat(handedNothing).hasValue(0);
        assertThat(source.read).as("nothing more handed out").hasValue(1);
        batches.close();
        assertThat(batches.hasNext()).isFalse();
        assertThat(batches.next()).as("once Camel closed it, the split ends quietly").isNull();
    }

    @Test
    void anInterruptWhileWaitingForRoomFailsTheSplitAndKeepsTheInterrupt() throws Exception {
        InFlightLimit limit = new InFlightLimit(1, Duration.ofSeconds(10));
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(new ReadAheadTest.Numbers(10, -1), limit);
        batches.next();

        InterruptedWait split = InterruptedWait.of(batches::next);

        assertThat(split.failure()).isInstanceOf(IllegalStateException.class)
                .hasMessage("Interrupted while waiting for room for the next batch");
        assertThat(split.interruptKept()).isTrue();
        assertThat(limit.inFlight()).as("no room taken").isEqualTo(1);
    }

    @Test
    void aReadingFailureReachesTheSplitAtItsBatch() {
        InFlightLimit limit = new InFlightLimit(4, Duration.ofSeconds(10));
        BatchesInFlight<Integer> batches = new BatchesInFlight<>(new ReadAheadTest.Numbers(10, 2), limit);
        assertThat(batches.next()).isEqualTo(1);

        assertThatThrownBy(batches::next).isInstanceOf(UnreadableFileException.class);
    }
}
