package dev.camelzest.routes.filedrop;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many of one file's calls may be open at once ({@link CallPermits}), adapted to what Zest can take: additive
 * increase, multiplicative decrease (AIMD), as TCP does. Without signals it is a fixed limit: the window of batches
 * handed out and not yet recorded ({@link BatchesInFlight}).
 * <ul>
 * <li>Each answered call raises the limit by {@code 1/limit} (one call more per round of calls), up to
 * {@code maxBatchesInFlight}, or a flow's {@code maxCallsInFlight} where a batch makes several calls.</li>
 * <li>Zest answering 429 or 503 (overloaded) halves the limit and holds every new batch back for as long as its
 * {@code Retry-After} asks. The limit it was overloaded at, less one, becomes a ceiling that is probed again only
 * after {@link #PROBE_AFTER}: against a Zest that takes two calls at a time, the import stays at two instead of
 * stalling on every third.</li>
 * <li>Calls waiting at Zest lower the limit by a quarter: estimated from the smoothed call latency against the
 * quickest one seen, as TCP Vegas does ({@code limit × (1 − quickest / smoothed)}), once more than
 * {@link #QUEUE_TOLERATED} or half the limit wait. A few calls waiting is what keeps a busy Zest at work through
 * each round trip (lowering the limit as soon as answers slow down left it idle in between, performance.md); more
 * only make every call slower. From six calls open this is an answer time above twice the quickest.</li>
 * </ul>
 * Each decrease is a DEBUG line of this class's logger, with the latencies or the {@code Retry-After} behind it.
 * Only a call started after the last decrease can decrease the limit again: the calls of one round that all meet
 * the same overload lower it once. {@link #acquire()} waits for room at most {@code stallTimeout}, and not at all
 * once {@link #close() closed}.
 */
final class InFlightLimit {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightLimit.class);

    /** How long a ceiling set by an overload holds before the limit may grow past it again. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(30);
    /** Calls waiting at Zest that never lower the limit; half the limit when that is more. */
    static final double QUEUE_TOLERATED = 3;
    private static final double LATENCY_SMOOTHING = 0.2;
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final int max;
    private final long stallTimeoutNanos;
    /** The clock of the limit's decisions (tests move it); the stall timeout is always on the real one. */
    private final LongSupplier nanoTime;
    private double limit;
    private int ceiling;
    private long ceilingSetAt;
    private int inFlight;
    private long pausedUntil;
    private long decreasedAt;
    private long lowestLatency = Long.MAX_VALUE;
    private double smoothedLatency;
    private boolean closed;

    InFlightLimit(int maxBatchesInFlight, Duration stallTimeout) {
        this(maxBatchesInFlight, stallTimeout, System::nanoTime);
    }

    InFlightLimit(int maxBatchesInFlight, Duration stallTimeout, LongSupplier nanoTime) {
        if (maxBatchesInFlight < 1) {
            throw new IllegalArgumentException("maxBatchesInFlight must be at least 1, got " + maxBatchesInFlight);
        }
        this.max = maxBatchesInFlight;
        this.stallTimeoutNanos = stallTimeout.toNanos();
        this.nanoTime = nanoTime;
        this.limit = maxBatchesInFlight;
        this.ceiling = maxBatchesInFlight;
        this.decreasedAt = nanoTime.getAsLong();
        this.pausedUntil = decreasedAt;
    }

    /**
     * Waits until one more batch may go: fewer than the limit in flight and no {@code Retry-After} pending. False
     * once closed; throws when no room came within the stall timeout (no batch answered or recorded that long).
     */
    synchronized boolean acquire() throws InterruptedException {
        long deadline = System.nanoTime() + stallTimeoutNanos;
        while (!closed) {
            long now = nanoTime.getAsLong();
            if (inFlight < currentLimit() && now - pausedUntil >= 0) {
                inFlight++;
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("No batch was answered and recorded within "
                        + Duration.ofNanos(stallTimeoutNanos) + " (" + inFlight + " in flight)");
            }
            long wait = Math.min(CHECK_NANOS, Math.max(pausedUntil - now, 1));
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
        return false;
    }

    /** A batch is recorded (or given up): its room goes to the next. */
    synchronized void release() {
        if (inFlight > 0) {
            inFlight--;
        }
        notifyAll();
    }

    /** A call started at {@code startedAt} ({@link System#nanoTime()}) was answered: grow, or slow on latency. */
    synchronized void answered(long startedAt, boolean timed) {
        long now = nanoTime.getAsLong();
        if (timed) {
            long latency = now - startedAt;
            lowestLatency = Math.min(lowestLatency, latency);
            smoothedLatency = smoothedLatency == 0 ? latency
                    : smoothedLatency + LATENCY_SMOOTHING * (latency - smoothedLatency);
            double waiting = limit * (1 - lowestLatency / smoothedLatency);
            if (waiting > Math.max(QUEUE_TOLERATED, limit / 2) && startedAt - decreasedAt > 0) {
                decrease(0.75, now);
                LOG.debug("Zest answers slower (smoothed {} ms, quickest {} ms, about {} calls waiting): calls open at "
                        + "once lowered to {}", TimeUnit.NANOSECONDS.toMillis((long) smoothedLatency),
                        TimeUnit.NANOSECONDS.toMillis(lowestLatency), Math.round(waiting), currentLimit());
                return;
            }
        }
        if (ceiling < max && now - ceilingSetAt >= PROBE_AFTER.toNanos()) {
            ceiling++;
            ceilingSetAt = now;
        }
        limit = Math.min(ceiling, limit + 1 / limit);
        notifyAll();
    }

    /** Zest answered a call started at {@code startedAt} with 429 or 503, asking to wait {@code retryAfter}. */
    synchronized void overloaded(long startedAt, Duration retryAfter) {
        long now = nanoTime.getAsLong();
        if (retryAfter != null && !retryAfter.isNegative()) {
            long until = now + retryAfter.toNanos();
            pausedUntil = until - pausedUntil > 0 ? until : pausedUntil;
        }
        if (startedAt - decreasedAt > 0) {
            ceiling = Math.max(1, currentLimit() - 1);
            ceilingSetAt = now;
            decrease(0.5, now);
            LOG.debug("Zest overloaded: calls open at once lowered to {}, at most {} for {} s, new calls held back {}",
                    currentLimit(), ceiling, PROBE_AFTER.toSeconds(), retryAfter);
        }
    }

    private void decrease(double factor, long now) {
        limit = Math.max(1, limit * factor);
        decreasedAt = now;
    }

    /** No batch goes any more: every waiting {@link #acquire()} returns false. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized int currentLimit() {
        return (int) limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }

    int max() {
        return max;
    }
}
