package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.camelzest.routes.investors.HeaderMapping;
import dev.camelzest.routes.investors.InvestorFlow;
import dev.camelzest.routes.testing.WarningLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The end of an import part-way ({@link FileRun#endPartWay}) and the wait of the batches that met it after the first
 * ({@link FileRun#awaitEndReported}): bounded, and let go by an interrupt, whatever the others do.
 */
@Timeout(30)
class FileRunTest {

    private final ExecutorService recordingThread = Executors.newSingleThreadExecutor();
    private final InFlightLimit callLimit = new InFlightLimit(2, Duration.ofSeconds(10));
    private final InFlightLimit window = new InFlightLimit(4, Duration.ofSeconds(10));
    private final BatchRecorder recorder = new BatchRecorder(recordingThread, window::release);
    private final FileRun<?> run = new FileRun<>(new InvestorFlow(HeaderMapping.parse(""), ',', null), "drop.csv",
            "import-1", FileFormat.CSV, Path.of("drop.csv"), Path.of("staging"), Clock.systemUTC(), callLimit, window,
            recorder);

    @AfterEach
    void stop() {
        recordingThread.shutdownNow();
    }

    /**
     * A batch sent and never answered (Zest keeps the call open past its timeout): the end waits for it no longer
     * than asked, says so, and closes the recorder all the same; nothing more is handed out meanwhile.
     */
    @Test
    void theEndWaitsForACallNeverAnsweredOnlyAsLongAsAsked() throws Exception {
        run.sentBatches().sending(3);
        try (WarningLog log = WarningLog.open()) {
            assertThat(run.endPartWay(Duration.ofMillis(200))).isEmpty();

            assertThat(log.lines()).anyMatch(line -> line.contains("drop.csv: 1 batches sent were not answered"));
        }
        assertThat(callLimit.acquire()).as("no call sent after the end").isNull();
        assertThat(window.acquire()).as("no batch handed out after the end").isNull();
    }

    /** The recorder fails while the end waits for it: the end answers that failure, for the stopped summary. */
    @Test
    void aRecordingThatFailsWhileTheEndWaitsIsAnswered() throws Exception {
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        recorder.submit(0, () -> {
            recording.countDown();
            await(release);
            throw new IllegalStateException("ledger down");
        });
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Optional<RuntimeException>> ending =
                CompletableFuture.supplyAsync(() -> run.endPartWay(Duration.ofSeconds(5)));
        Thread.sleep(50);
        assertThat(ending).as("waits for the recording in progress").isNotDone();

        release.countDown();

        assertThat(ending.get(5, TimeUnit.SECONDS)).hasValueSatisfying(failure -> assertThat(failure)
                .hasMessage("ledger down"));
    }

    /** The batch that met the end first never reports it: the others wait no longer than asked. */
    @Test
    void aBatchWaitingForTheReportOfTheEndWaitsNoLongerThanAsked() {
        assertThat(run.endOnce()).isTrue();
        assertThat(run.endOnce()).as("the end is the first's to report").isFalse();
        try (WarningLog log = WarningLog.open()) {
            run.awaitEndReported(Duration.ofMillis(100));

            assertThat(log.lines()).anyMatch(line -> line.contains("the end of the import was not reported within"));
        }
    }

    /** Camel interrupting the threads it waits for as it stops: a batch waiting for the report ends at once. */
    @Test
    void anInterruptLetsABatchWaitingForTheReportGoAndIsKept() throws Exception {
        run.endOnce();

        InterruptedWait waiting = InterruptedWait.of(() -> run.awaitEndReported(Duration.ofMinutes(7)));

        assertThat(waiting.failure()).isNull();
        assertThat(waiting.interruptKept()).isTrue();
    }

    /** Reported: every batch waiting for it goes on. */
    @Test
    void theReportLetsEveryWaitingBatchGo() throws Exception {
        run.endOnce();
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> run.awaitEndReported(Duration.ofMinutes(7)));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> run.awaitEndReported(Duration.ofMinutes(7)));
        Thread.sleep(50);
        assertThat(first).isNotDone();

        run.endReported();

        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
