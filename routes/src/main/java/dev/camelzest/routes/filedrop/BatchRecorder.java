package dev.camelzest.routes.filedrop;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records the answered batches of one file (ledger first, then the staged results) on the import's recording
 * thread, in file order whatever order their calls were answered in, while the route already sends the next
 * batches: the bulk calls follow each other as fast as Zest answers them instead of waiting for the database.
 * A batch answered before an earlier one waits here until that one is answered; how many can wait is bounded by the
 * batches in flight ({@link InFlightLimit}), each of which is given back ({@code recorded}) once recorded.
 * <p>
 * A recording that fails stops the import at its next batch or at its end, and nothing after it is recorded; a
 * crash loses at most the batches not yet recorded, whose calls the next run of the file sends again with the same
 * Idempotency-Keys (their rows reported {@code created}, from Zest's cache).
 */
final class BatchRecorder {

    /** How long the end of a file waits for its last recordings (the ledger's own timeouts come first). */
    static final Duration RECORDING_TIMEOUT = Duration.ofMinutes(5);

    private final Executor recordingThread;
    private final Duration recordingTimeout;
    private final Runnable recorded;
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Map<Long, Runnable> answeredEarly = new HashMap<>();
    private long nextInOrder;
    private long queued;
    private long finished;
    private boolean closed;

    /** {@code recorded} runs after each batch's recording, failed or not, on the recording thread. */
    BatchRecorder(Executor recordingThread, Runnable recorded) {
        this(recordingThread, RECORDING_TIMEOUT, recorded);
    }

    BatchRecorder(Executor recordingThread, Duration recordingTimeout, Runnable recorded) {
        this.recordingThread = recordingThread;
        this.recordingTimeout = recordingTimeout;
        this.recorded = recorded;
    }

    /**
     * Queues the recording of the batch numbered {@code sequence} (from 0, in file order): at once if every batch
     * before it is queued, else once they are. Throws the failure of an earlier recording instead, if there was one.
     */
    synchronized void submit(long sequence, Runnable recording) {
        throwFailure();
        if (closed) {
            recorded.run();
            return;
        }
        // the batch's log context goes with it to the recording thread
        answeredEarly.put(sequence, LogContext.carrying(recording));
        for (Runnable next = answeredEarly.remove(nextInOrder); next != null;
                next = answeredEarly.remove(nextInOrder)) {
            nextInOrder++;
            queue(next);
        }
    }

    private void queue(Runnable recording) {
        queued++;
        try {
            recordingThread.execute(() -> {
                try {
                    if (failure.get() == null) {
                        recording.run();
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } catch (Error e) {
                    // a failure too: passed over, the batch would count as recorded, and the ones after it be recorded
                    failure.compareAndSet(null, new IllegalStateException("Recording a batch failed: " + e, e));
                } finally {
                    finishedOne();
                }
            });
        } catch (RuntimeException e) {
            finishedOne(); // the recording thread is gone (the route is stopping)
            failure.compareAndSet(null, e);
        }
    }

    private void finishedOne() {
        try {
            recorded.run();
        } finally {
            synchronized (this) {
                finished++;
                notifyAll();
            }
        }
    }

    /** Waits until every batch is recorded, then throws the first recording failure, if any. */
    void awaitRecorded() {
        try {
            awaitQueued();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the last batches to be recorded", e);
        }
        throwFailure();
        synchronized (this) {
            if (!answeredEarly.isEmpty()) {
                throw new IllegalStateException("Batch " + nextInOrder + " was never answered, "
                        + answeredEarly.size() + " after it were");
            }
        }
    }

    /**
     * The import stops: records the batches answered out of order too (waiting for an earlier batch that will not be
     * answered now), then nothing more, and waits until every recording is done, so that the stop reports what Zest
     * answered. A stopped file's results are not published, so their order no longer matters.
     */
    void awaitQuietly() {
        synchronized (this) {
            closed = true;
            answeredEarly.keySet().stream().sorted().toList()
                    .forEach(sequence -> queue(answeredEarly.remove(sequence)));
        }
        // an interrupt (Camel releasing the threads it waits for as it stops) must not cut this wait short: the
        // stop's summary would then miss batches the recording thread still records; the wait itself is bounded
        boolean interrupted = false;
        while (true) {
            try {
                awaitQueued();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (IllegalStateException e) {
                failure.compareAndSet(null, e);
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first recording failure, if there was one: nothing after it was recorded. */
    Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure.get());
    }

    private synchronized void awaitQueued() throws InterruptedException {
        long deadline = System.nanoTime() + recordingTimeout.toNanos();
        while (finished < queued) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new IllegalStateException("The ledger did not record the file's last batches within "
                        + recordingTimeout);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    private void throwFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }
}
