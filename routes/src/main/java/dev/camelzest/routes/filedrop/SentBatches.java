package dev.camelzest.routes.filedrop;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The batches of one file that Zest may have acted on and that are not yet recorded: a batch counts from the moment
 * one of its calls is about to be sent ({@link CallPermits}) until it is handed to its {@link BatchRecorder}, or has
 * failed. When
 * the import stops part-way, the stop waits for them ({@link #awaitNone}) before it closes the recorder, so that every
 * batch Zest answered is recorded and counted in the stopped summary, as Zest created its rows (and the ledger,
 * through the webhooks, may already count them).
 * <p>
 * A batch whose attempts all failed no longer counts while it waits for a redelivery: the redelivery, once the stop
 * closed the call limit, is never sent, and the batch fails. (An attempt that timed out may have been acted on by
 * Zest all the same: the next run of the file sends it again with its Idempotency-Key.)
 */
final class SentBatches {

    /** Per batch: its attempts sent, less those that failed; an answered attempt counts until the batch is recorded. */
    private final Map<Long, Integer> attempts = new HashMap<>();

    /** An attempt of one of the batch's calls is about to be sent (it is given room first, or refused). */
    synchronized void sending(long batch) {
        attempts.merge(batch, 1, Integer::sum);
    }

    /** An attempt failed: the error handler sends it again (a new attempt), or the batch fails. */
    synchronized void attemptFailed(long batch) {
        attempts.computeIfPresent(batch, (sequence, open) -> open > 1 ? open - 1 : null);
        notifyAll();
    }

    /** The batch is handed to its recorder, or failed as a whole: it no longer counts, whatever its calls do. */
    synchronized void settled(long batch) {
        attempts.remove(batch);
        notifyAll();
    }

    synchronized int count() {
        return attempts.size();
    }

    /**
     * Waits until no batch counts, at most {@code timeout}; returns whether none does. An interrupt does not cut the
     * wait short (Camel interrupts the threads of a split it stops waiting for); it is kept for the caller.
     */
    synchronized boolean awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean interrupted = false;
        try {
            while (!attempts.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            return true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
