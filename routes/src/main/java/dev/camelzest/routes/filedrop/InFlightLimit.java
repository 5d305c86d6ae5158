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
 * stalling on every third. A probe Zest refuses doubles the wait before the next one (up to
 * {@link #LONGEST_PROBE_AFTER}); one that holds brings it back to {@link #PROBE_AFTER}. Zest refuses at once the
 * calls it will not take while it still serves the others, so each refusal also lowers the ceiling (and the limit) to
 * the calls still open: eight calls sent at once to a Zest that takes two leave the limit at two after that one
 * round, instead of a round (and a {@code Retry-After}) for each of 8, 4 and 3.</li>
 * <li>Calls waiting at Zest lower the limit by a quarter: estimated from the smoothed call latency against the
 * quickest one seen, as TCP Vegas does ({@code limit × (1 − quickest / smoothed)}), once more than
 * {@link #QUEUE_TOLERATED} or half the limit wait. A few calls waiting is what keeps a busy Zest at work through
 * each round trip (lowering the limit as soon as answers slow down left it idle in between, performance.md); more
 * only make every call slower. From six calls open this is an answer time above twice the quickest.</li>
 * </ul>
 * Each decrease is a DEBUG line of this class's logger, with the latencies or the {@code Retry-After} behind it.
 * Only a call given its permit after the last decrease can halve the limit again: the calls of one round that all
 * meet the same overload lower it once. A permit's time is taken, and an answer's permit given back, under the same
 * lock as a decrease, so a call let through by the permit an overloaded call gave back is of the round before the
 * decrease, never of the next one (it once halved the limit a second time, and left the import at one call for
 * {@link #PROBE_AFTER}). {@link #acquire()} waits for room at most {@code stallTimeout}, and not at all once
 * {@link #close() closed}.
 */
final class InFlightLimit {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightLimit.class);

    /** How long a ceiling set by an overload holds before the limit may grow past it again. */
    static final Duration PROBE_AFTER = Duration.ofSeconds(30);
    /** The longest a ceiling holds: each probe Zest refuses doubles the wait before the next one, up to this. */
    static final Duration LONGEST_PROBE_AFTER = Duration.ofMinutes(4);
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
    private long probeAfter = PROBE_AFTER.toNanos();
    /** The ceiling was last raised by a probe, not lowered by an overload. */
    private boolean probing;
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
     * Waits until one more batch may go: fewer than the limit in flight and no {@code Retry-After} pending. Null once
     * closed; throws when no room came within the stall timeout (no batch answered or recorded that long).
     */
    synchronized Permit acquire() throws InterruptedException {
        long deadline = System.nanoTime() + stallTimeoutNanos;
        while (!closed) {
            long now = nanoTime.getAsLong();
            if (inFlight < currentLimit() && now - pausedUntil >= 0) {
                inFlight++;
                return new Permit(now);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new IllegalStateException("No batch was answered and recorded within "
                        + Duration.ofNanos(stallTimeoutNanos) + " (" + inFlight + " in flight)");
            }
            long wait = Math.min(CHECK_NANOS, Math.max(pausedUntil - now, 1));
            TimeUnit.NANOSECONDS.timedWait(this, wait);
        }
        return null;
    }

    /** A batch is recorded (or given up), or a call failed other than overloaded: its room goes to the next. */
    synchronized void release() {
        if (inFlight > 0) {
            inFlight--;
        }
        notifyAll();
    }

    /**
     * The call of {@code permit} was answered: its room goes to the next, and the limit grows, or is lowered on
     * latency ({@code timed}: the answer time counts).
     */
    synchronized void answered(Permit permit, boolean timed) {
        release();
        long now = nanoTime.getAsLong();
        long grantedAt = permit.grantedAt();
        if (timed) {
            long latency = now - grantedAt;
            lowestLatency = Math.min(lowestLatency, latency);
            smoothedLatency = smoothedLatency == 0 ? latency
                    : smoothedLatency + LATENCY_SMOOTHING * (latency - smoothedLatency);
            double waiting = limit * (1 - lowestLatency / smoothedLatency);
            if (waiting > Math.max(QUEUE_TOLERATED, limit / 2) && grantedAt - decreasedAt > 0) {
                decrease(0.75, now);
                LOG.debug("Zest answers slower (smoothed {} ms, quickest {} ms, about {} calls waiting): calls open at "
                        + "once lowered to {}", TimeUnit.NANOSECONDS.toMillis((long) smoothedLatency),
                        TimeUnit.NANOSECONDS.toMillis(lowestLatency), Math.round(waiting), currentLimit());
                return;
            }
        }
        if (ceiling < max && now - ceilingSetAt >= probeAfter) {
            if (probing) {
                // the last probe held: probe at the usual pace again
                probeAfter = PROBE_AFTER.toNanos();
            }
            ceiling++;
            ceilingSetAt = now;
            probing = true;
        }
        limit = Math.min(ceiling, limit + 1 / limit);
    }

    /**
     * Zest answered the call of {@code permit} with 429 or 503, asking to wait {@code retryAfter}: its room goes back,
     * and the limit comes down.
     */
    synchronized void overloaded(Permit permit, Duration retryAfter) {
        release();
        long now = nanoTime.getAsLong();
        if (retryAfter != null && !retryAfter.isNegative()) {
            long until = now + retryAfter.toNanos();
            pausedUntil = until - pausedUntil > 0 ? until : pausedUntil;
        }
        if (permit.grantedAt() - decreasedAt > 0) {
            lowerCeiling(Math.max(1, currentLimit() - 1), now);
            decrease(0.5, now);
            LOG.debug("Zest overloaded: calls open at once lowered to {}, at most {} for {} s, new calls held back {}",
                    currentLimit(), ceiling, TimeUnit.NANOSECONDS.toSeconds(probeAfter), retryAfter);
        }
        int stillServed = Math.max(1, inFlight);
        if (stillServed < ceiling) {
            lowerCeiling(stillServed, now);
            limit = Math.min(limit, stillServed);
            LOG.debug("Zest overloaded with {} other calls open: at most {} at once for {} s", inFlight, ceiling,
                    TimeUnit.NANOSECONDS.toSeconds(probeAfter));
        }
    }

    private void lowerCeiling(int to, long now) {
        if (probing && now - ceilingSetAt < probeAfter) {
            // Zest refused the probe past the last ceiling: the next one waits twice as long
            probeAfter = Math.min(2 * probeAfter, LONGEST_PROBE_AFTER.toNanos());
        }
        probing = false;
        ceiling = to;
        ceilingSetAt = now;
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

    /** Room for one call or batch, given at {@code grantedAt} on the limit's clock. */
    record Permit(long grantedAt) {
    }
}
