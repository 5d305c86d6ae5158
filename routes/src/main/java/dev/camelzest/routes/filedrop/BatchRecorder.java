package dev.camelzest.routes.filedrop;

import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records the answered batches of one file (ledger first, then the staged results) on the import's recording
 * thread, in the order they were answered, while the route already sends the next batch: the bulk calls follow
 * each other as fast as Zest answers them instead of waiting for the database. At most {@value #MAX_PENDING}
 * batches wait to be recorded. A recording that fails stops the import at its next batch or at its end; a crash
 * loses at most the waiting batches, whose rows come back {@code already_exists} when the file is imported again.
 */
final class BatchRecorder {

    static final int MAX_PENDING = 2;

    private final Executor recordingThread;
    private final Semaphore pending = new Semaphore(MAX_PENDING);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    BatchRecorder(Executor recordingThread) {
        this.recordingThread = recordingThread;
    }

    /** Queues the recording of one batch; throws the failure of an earlier one instead, if there was one. */
    void submit(Runnable recording) {
        throwFailure();
        pending.acquireUninterruptibly();
        try {
            recordingThread.execute(() -> {
                try {
                    if (failure.get() == null) {
                        recording.run();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    pending.release();
                }
            });
        } catch (RuntimeException e) {
            pending.release();
            throw e;
        }
    }

    /** Waits until every queued batch is recorded, then throws the first recording failure, if any. */
    void awaitRecorded() {
        awaitQuietly();
        throwFailure();
    }

    /** Waits until every queued batch is recorded or has failed: an import that stops reports what was recorded. */
    void awaitQuietly() {
        pending.acquireUninterruptibly(MAX_PENDING);
        pending.release(MAX_PENDING);
    }

    private void throwFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
