package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InFlightLimitTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private InFlightLimit limit(int max) {
        return new InFlightLimit(max, Duration.ofMillis(200), now::get);
    }

    private long later(Duration step) {
        return now.addAndGet(step.toNanos());
    }

    @Test
    void startsAtTheMaximumAndGivesNoMoreRoomUntilABatchIsReleased() throws Exception {
        InFlightLimit limit = limit(3);
        for (int i = 0; i < 3; i++) {
            assertThat(limit.acquire()).isNotNull();
        }

        assertThatThrownBy(limit::acquire).hasMessageContaining("No batch was answered and recorded")
                .hasMessageContaining("3 in flight");
        limit.release();
        assertThat(limit.acquire()).isNotNull();
    }

    @Test
    void waitsForNothingOnceClosed() throws Exception {
        InFlightLimit limit = limit(1);
        assertThat(limit.acquire()).isNotNull();
        Thread closer = new Thread(() -> {
            sleep(50);
            limit.close();
        });
        closer.start();

        assertThat(limit.acquire()).as("woken by the close, not by the stall timeout").isNull();
        closer.join();
    }

    @Test
    void anOverloadHalvesTheLimitOncePerRoundAndHoldsNewBatchesForRetryAfter() throws Exception {
        InFlightLimit limit = limit(8);
        List<InFlightLimit.Permit> round = newRound(limit, 8);

        limit.overloaded(round.get(7), Duration.ofMillis(50));
        limit.overloaded(round.get(6), Duration.ofMillis(50));
        assertThat(limit.currentLimit()).as("the two 429s of one round count once").isEqualTo(4);

        for (int i = 0; i < 6; i++) {
            limit.answered(round.get(i), false);
        }
        long before = System.nanoTime();
        now.set(now.get() + Duration.ofMillis(50).toNanos());
        List<InFlightLimit.Permit> nextRound = acquire(limit, 4);
        assertThat(System.nanoTime() - before).isLessThan(Duration.ofSeconds(5).toNanos());

        limit.overloaded(nextRound.get(3), null);
        assertThat(limit.currentLimit()).as("a call given room after the decrease lowers it again").isEqualTo(2);
    }

    @Test
    void refusalsLowerTheLimitToTheCallsZestStillServes() throws Exception {
        InFlightLimit limit = limit(8);
        List<InFlightLimit.Permit> round = newRound(limit, 8);

        for (int i = 7; i >= 2; i--) {
            limit.overloaded(round.get(i), null);
        }
        assertThat(limit.currentLimit()).as("Zest refused six of eight at once and serves two").isEqualTo(2);

        assertHeldUntilTheProbe(limit, 2);
    }

    @Test
    void aRefusedCallsRoomDoesNotLetAWaitingCallThroughBeforeTheDecrease() throws Exception {
        InFlightLimit limit = limit(2);
        List<InFlightLimit.Permit> open = acquire(limit, 2);
        CompletableFuture<InFlightLimit.Permit> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return limit.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        sleep(50);

        limit.overloaded(open.get(1), null);
        sleep(50);
        assertThat(waiting).as("the limit came down to one, which the other call holds").isNotDone();

        limit.answered(open.get(0), false);
        InFlightLimit.Permit next = waiting.get(5, TimeUnit.SECONDS);
        limit.overloaded(next, null);
        assertThat(limit.currentLimit()).isEqualTo(1);
    }

    @Test
    void retryAfterHoldsNewBatchesBackUntilItIsOver() {
        InFlightLimit limit = limit(4);
        limit.overloaded(grantedAt(later(Duration.ofMillis(1))), Duration.ofSeconds(1));

        assertThatThrownBy(limit::acquire).as("the clock does not move: the pause outlasts the stall timeout")
                .hasMessageContaining("0 in flight");
    }

    @Test
    void answeredCallsRaiseTheLimitByOneARoundUpToTheMaximum() throws Exception {
        InFlightLimit limit = limit(8);
        List<InFlightLimit.Permit> round = newRound(limit, 8);
        limit.overloaded(round.get(7), null);
        assertThat(limit.currentLimit()).isEqualTo(4);
        for (int i = 0; i < 7; i++) {
            limit.release();
        }

        later(InFlightLimit.PROBE_AFTER);
        for (int i = 0; i < 5; i++) {
            limit.answered(grantedAt(now.get()), false);
        }
        assertThat(limit.currentLimit()).as("one more after a round of 4 or 5 calls").isEqualTo(5);
        for (int i = 0; i < 200; i++) {
            later(InFlightLimit.PROBE_AFTER);
            limit.answered(grantedAt(now.get()), false);
        }
        assertThat(limit.currentLimit()).isEqualTo(8);
    }

    @Test
    void theLimitOverloadedAtIsNotExceededUntilItIsProbedAgain() throws Exception {
        InFlightLimit limit = limit(8);
        List<InFlightLimit.Permit> first = newRound(limit, 8);
        limit.overloaded(first.get(7), null); // 8 -> 4, ceiling 7
        first.subList(0, 7).forEach(permit -> limit.answered(permit, false));
        List<InFlightLimit.Permit> second = newRound(limit, 4);
        limit.overloaded(second.get(3), null); // 4 -> 2, ceiling 3
        second.subList(0, 3).forEach(permit -> limit.answered(permit, false));
        assertHeldUntilTheProbe(limit, 3);
    }

    @Test
    void aProbeZestRefusesDoublesTheWaitBeforeTheNextAndOneThatHoldsRestoresIt() throws Exception {
        InFlightLimit limit = limit(4);
        List<InFlightLimit.Permit> round = newRound(limit, 4);
        limit.overloaded(round.get(3), null);
        limit.overloaded(round.get(2), null);
        round.subList(0, 2).forEach(permit -> limit.answered(permit, false));
        assertThat(answerFor(limit, InFlightLimit.PROBE_AFTER.minusSeconds(1))).as("until the probe").isEqualTo(2);
        assertThat(answerFor(limit, Duration.ofSeconds(3))).as("the probe").isEqualTo(3);

        List<InFlightLimit.Permit> probe = acquire(limit, 3);
        limit.overloaded(probe.get(2), null);
        probe.subList(0, 2).forEach(permit -> limit.answered(permit, false));
        assertThat(answerFor(limit, InFlightLimit.PROBE_AFTER.plusSeconds(1))).as("refused: no probe after 30 s")
                .isEqualTo(2);
        assertThat(answerFor(limit, InFlightLimit.PROBE_AFTER.plusSeconds(2))).as("the next probe, after 60 s")
                .isEqualTo(3);

        assertThat(answerFor(limit, InFlightLimit.PROBE_AFTER.multipliedBy(2).plusSeconds(5)))
                .as("that probe held for 60 s: the next probe").isEqualTo(4);
    }

    @Test
    void refusedProbesWaitAtMostTheLongestProbeInterval() throws Exception {
        InFlightLimit limit = limit(2);
        for (int i = 0; i < 10; i++) {
            later(InFlightLimit.LONGEST_PROBE_AFTER);
            limit.answered(grantedAt(later(Duration.ofMillis(10))), false);
            limit.answered(grantedAt(later(Duration.ofMillis(10))), false);
            List<InFlightLimit.Permit> probe = acquire(limit, 2);
            limit.overloaded(probe.get(1), null);
            limit.answered(probe.get(0), false);
        }
        assertThat(limit.currentLimit()).isEqualTo(1);

        assertThat(answerFor(limit, InFlightLimit.LONGEST_PROBE_AFTER.plusSeconds(1))).isEqualTo(2);
    }

    /** A hundred answers keep the limit at {@code ceiling}; after {@link InFlightLimit#PROBE_AFTER} it grows by one. */
    private void assertHeldUntilTheProbe(InFlightLimit limit, int ceiling) {
        assertThat(answerCalls(limit, 100)).as("no more than Zest took, until the probe").isEqualTo(ceiling);
        later(InFlightLimit.PROBE_AFTER);
        assertThat(answerCalls(limit, 10)).as("the probe").isEqualTo(ceiling + 1);
    }

    /** Answers {@code calls} calls 10 ms apart, then gives the limit. */
    private int answerCalls(InFlightLimit limit, int calls) {
        for (int i = 0; i < calls; i++) {
            limit.answered(grantedAt(later(Duration.ofMillis(10))), false);
        }
        return limit.currentLimit();
    }

    /** Answers a call a second for {@code period}, then gives the limit. */
    private int answerFor(InFlightLimit limit, Duration period) {
        for (long second = 0; second < period.toSeconds(); second++) {
            limit.answered(grantedAt(later(Duration.ofSeconds(1))), false);
        }
        return limit.currentLimit();
    }

    @Test
    void risingLatencyLowersTheLimitByAQuarter() {
        InFlightLimit limit = limit(8);
        long started = later(Duration.ofMillis(1));
        limit.answered(grantedAt(started), true); // sets the lowest latency: 0
        for (int i = 0; i < 3; i++) {
            long callStarted = later(Duration.ofMillis(1));
            later(Duration.ofMillis(20));
            limit.answered(grantedAt(callStarted), true);
        }
        assertThat(limit.currentLimit()).isLessThan(8);
    }

    @Test
    void aFewCallsWaitingAtZestKeepTheLimit() {
        InFlightLimit limit = limit(4);
        answeredAfter(limit, Duration.ofMillis(25)); // the quickest: one call open, nothing waiting
        for (int i = 0; i < 50; i++) {
            answeredAfter(limit, Duration.ofMillis(55));
        }
        assertThat(limit.currentLimit()).as("4 × (1 − 25/55): about two calls wait, which keeps Zest busy")
                .isEqualTo(4);
    }

    @Test
    void moreCallsWaitingAtZestThanToleratedLowerTheLimit() {
        InFlightLimit limit = limit(4);
        answeredAfter(limit, Duration.ofMillis(25));
        for (int i = 0; i < 5; i++) {
            answeredAfter(limit, Duration.ofMillis(200));
        }
        assertThat(limit.currentLimit()).as("4 × (1 − 25/200) = 3.5 calls waiting, more than "
                + InFlightLimit.QUEUE_TOLERATED).isEqualTo(3);
    }

    @Test
    void fromSixCallsOpenHalfTheLimitWaitingLowersIt() {
        InFlightLimit limit = limit(8);
        answeredAfter(limit, Duration.ofMillis(25));
        for (int i = 0; i < 20; i++) {
            answeredAfter(limit, Duration.ofMillis(45));
        }
        assertThat(limit.currentLimit()).as("8 × (1 − 25/45): 3.6 of 8 calls wait").isEqualTo(8);

        for (int i = 0; i < 20; i++) {
            answeredAfter(limit, Duration.ofMillis(60));
        }
        assertThat(limit.currentLimit()).as("8 × (1 − 25/60): 4.7 of 8 calls wait").isLessThan(8);
    }

    /** A call sent now and answered {@code latency} later. */
    private void answeredAfter(InFlightLimit limit, Duration latency) {
        long callStarted = later(Duration.ofMillis(1));
        later(latency);
        limit.answered(grantedAt(callStarted), true);
    }

    @Test
    void steadyLatencyKeepsTheLimit() {
        InFlightLimit limit = limit(8);
        for (int i = 0; i < 50; i++) {
            long callStarted = later(Duration.ofMillis(1));
            later(Duration.ofMillis(20 + i % 3));
            limit.answered(grantedAt(callStarted), true);
        }
        assertThat(limit.currentLimit()).isEqualTo(8);
    }

    private static List<InFlightLimit.Permit> acquire(InFlightLimit limit, int permits) throws InterruptedException {
        List<InFlightLimit.Permit> acquired = new ArrayList<>();
        for (int i = 0; i < permits; i++) {
            acquired.add(limit.acquire());
        }
        return acquired;
    }

    /** Permits given a millisecond after the last decision: calls of a new round. */
    private List<InFlightLimit.Permit> newRound(InFlightLimit limit, int permits) throws InterruptedException {
        later(Duration.ofMillis(1));
        return acquire(limit, permits);
    }

    private static InFlightLimit.Permit grantedAt(long nanos) {
        return new InFlightLimit.Permit(nanos);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
