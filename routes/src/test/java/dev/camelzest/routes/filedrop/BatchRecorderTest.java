package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timed out rather than hanging the build if the end of a file ever waits for a recording that never comes. */
@Timeout(30)
class BatchRecorderTest {

    private final ExecutorService recordingThread = Executors.newSingleThreadExecutor();
    private final AtomicInteger givenBack = new AtomicInteger();
    private final BatchRecorder recorder = new BatchRecorder(recordingThread, givenBack::incrementAndGet);
    private final List<Integer> recorded = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        recordingThread.shutdownNow();
    }

    @Test
    void batchesAnsweredInAnyOrderAreRecordedInFileOrderAndEachGivesItsRoomBack() {
        List<Integer> answerOrder = new ArrayList<>();
        for (int batch = 0; batch < 50; batch++) {
            answerOrder.add(batch);
        }
        Collections.shuffle(answerOrder, new Random(20));

        for (int batch : answerOrder) {
            recorder.submit(batch, () -> recorded.add(batch));
        }
        recorder.awaitRecorded();

        assertThat(recorded).hasSize(50).isSorted();
        assertThat(givenBack).hasValue(50);
    }

    @Test
    void theEndOfAFileWithABatchNeverAnsweredFailsInsteadOfRecordingPastIt() {
        recorder.submit(0, () -> recorded.add(0));
        recorder.submit(2, () -> recorded.add(2));

        assertThatThrownBy(recorder::awaitRecorded).hasMessage("Batch 1 was never answered, 1 after it were");
        assertThat(recorded).containsExactly(0);
    }

    @Test
    void aFailedRecordingStopsTheNextBatchAndTheEndAndNothingAfterItIsRecorded() {
        CountDownLatch release = new CountDownLatch(1);
        recorder.submit(0, () -> {
            await(release);
            throw new IllegalStateException("ledger down");
        });
        recorder.submit(1, () -> recorded.add(1));
        release.countDown();

        recorder.awaitQuietly();
        assertThatThrownBy(() -> recorder.submit(2, () -> recorded.add(2))).hasMessage("ledger down");
        assertThatThrownBy(recorder::awaitRecorded).hasMessage("ledger down");
        assertThat(recorded).isEmpty();
        assertThat(givenBack).as("both queued batches gave their room back").hasValue(2);
    }

    @Test
    void aStoppedImportRecordsTheBatchesAnsweredAheadOfAMissingOneAndNothingAfterTheStop() {
        recorder.submit(3, () -> recorded.add(3));
        recorder.submit(1, () -> recorded.add(1));

        recorder.awaitQuietly();
        assertThat(recorded).as("Zest answered them: the stop counts them").containsExactly(1, 3);
        recorder.submit(0, () -> recorded.add(0));

        assertThat(recorded).containsExactly(1, 3);
        assertThat(givenBack).hasValue(3);
    }

    @Test
    void theStopWaitsForTheRecordingInProgress() throws Exception {
        CountDownLatch release = recordingInProgress();
        Thread releaser = new Thread(() -> {
            sleep(100);
            release.countDown();
        });
        releaser.start();

        recorder.awaitQuietly();

        assertThat(recorded).containsExactly(0);
        releaser.join();
    }

    @Test
    void anInterruptedStopStillWaitsForTheRecordingInProgressAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = recordingInProgress();
        Thread stopping = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            sleep(100);
            stopping.interrupt(); // what Camel does to the threads it waits for as it stops
            sleep(100);
            release.countDown();
        });
        interrupter.start();

        recorder.awaitQuietly();

        assertThat(recorded).as("the summary counts what the ledger holds").containsExactly(0);
        assertThat(Thread.interrupted()).as("the interrupt is kept for whoever asked").isTrue();
        interrupter.join();
    }

    /**
     * An Error in a recording (a StackOverflowError half-way through a batch) fails the file as
     * an exception does. It once passed for a batch recorded: the batches after it were recorded, and the file
     * completed with that batch's rows missing from its results and the ledger.
     */
    @Test
    void anErrorInARecordingFailsTheFileAsAnExceptionDoes() throws Exception {
        CountDownLatch release = recordingInProgress();
        recorder.submit(1, () -> {
            throw new StackOverflowError();
        });
        recorder.submit(2, () -> recorded.add(2));
        release.countDown();

        assertThatThrownBy(recorder::awaitRecorded).hasRootCauseInstanceOf(StackOverflowError.class);
        assertThat(recorded).as("nothing after it").containsExactly(0);
        assertThat(givenBack).hasValue(3);
        assertThat(recorder.failure()).isPresent();
    }

    /** The end of a file interrupted while it waits for the last recordings: it fails, and keeps the interrupt. */
    @Test
    void anInterruptedEndOfFileFailsRatherThanCompleteAndKeepsTheInterrupt() throws Exception {
        CountDownLatch release = recordingInProgress();
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(recorder::awaitRecorded).isInstanceOf(IllegalStateException.class)
                    .hasMessage("Interrupted while waiting for the last batches to be recorded");
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        } finally {
            release.countDown();
        }
        recorder.awaitQuietly();
        assertThat(recorded).containsExactly(0);
    }

    /** A recording that never ends (the ledger hanging on a lock): the end of the file fails after the timeout. */
    @Test
    void theEndOfAFileWhoseLastRecordingHangsFailsAfterTheRecordingTimeout() throws Exception {
        BatchRecorder quick = new BatchRecorder(recordingThread, Duration.ofMillis(200), givenBack::incrementAndGet);
        CountDownLatch release = recordingInProgress(quick);

        assertThatThrownBy(quick::awaitRecorded).isInstanceOf(IllegalStateException.class)
                .hasMessage("The ledger did not record the file's last batches within PT0.2S");
        release.countDown();
    }

    /** The same during a stop: the stop ends after the timeout, and its report names why. */
    @Test
    void aStopWhoseRecordingHangsEndsAfterTheRecordingTimeoutWithThatFailure() throws Exception {
        BatchRecorder quick = new BatchRecorder(recordingThread, Duration.ofMillis(200), givenBack::incrementAndGet);
        CountDownLatch release = recordingInProgress(quick);

        quick.awaitQuietly();

        assertThat(quick.failure()).get().extracting(Throwable::getMessage)
                .isEqualTo("The ledger did not record the file's last batches within PT0.2S");
        assertThat(recorded).as("the hanging recording has not ended").isEmpty();
        release.countDown();
    }

    @Test
    void aRecordingThreadThatIsGoneFailsTheFileInsteadOfHanging() {
        recordingThread.shutdownNow();

        recorder.submit(0, () -> recorded.add(0));

        assertThatThrownBy(recorder::awaitRecorded).isInstanceOf(RejectedExecutionException.class);
        assertThat(givenBack).hasValue(1);
    }

    /** Batch 0's recording, started on the recording thread and held there until the latch returned is counted down. */
    private CountDownLatch recordingInProgress() throws InterruptedException {
        return recordingInProgress(recorder);
    }

    private CountDownLatch recordingInProgress(BatchRecorder recorder) throws InterruptedException {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        recorder.submit(0, () -> {
            recording.countDown();
            await(release);
            recorded.add(0);
        });
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();
        return release;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
