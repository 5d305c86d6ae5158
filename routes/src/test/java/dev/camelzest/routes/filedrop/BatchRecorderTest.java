package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchRecorderTest {

    private final ExecutorService recordingThread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        recordingThread.shutdownNow();
    }

    @Test
    void batchesAreRecordedInOrderAndAwaitedAtTheEnd() {
        BatchRecorder recorder = new BatchRecorder(recordingThread);
        List<Integer> recorded = new CopyOnWriteArrayList<>();

        for (int batch = 1; batch <= 50; batch++) {
            int number = batch;
            recorder.submit(() -> recorded.add(number));
        }
        recorder.awaitRecorded();

        assertThat(recorded).hasSize(50).isSorted();
    }

    @Test
    void noMoreThanTwoBatchesWaitBehindTheRoute() throws Exception {
        BatchRecorder recorder = new BatchRecorder(recordingThread);
        CountDownLatch release = new CountDownLatch(1);
        recorder.submit(() -> await(release));
        recorder.submit(() -> { });
        Thread third = new Thread(() -> recorder.submit(() -> { }));
        third.start();

        third.join(300);
        assertThat(third.isAlive()).as("the third batch waits for room").isTrue();
        release.countDown();
        third.join(5_000);
        assertThat(third.isAlive()).isFalse();
    }

    @Test
    void aFailedRecordingStopsTheNextBatchAndTheEndAndNothingAfterItIsRecorded() {
        BatchRecorder recorder = new BatchRecorder(recordingThread);
        List<Integer> recorded = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        recorder.submit(() -> {
            await(release);
            throw new IllegalStateException("ledger down");
        });
        recorder.submit(() -> recorded.add(2));
        release.countDown();

        recorder.awaitQuietly();
        assertThatThrownBy(() -> recorder.submit(() -> recorded.add(3))).hasMessage("ledger down");
        assertThatThrownBy(recorder::awaitRecorded).hasMessage("ledger down");
        assertThat(recorded).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
