package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
            assertThat(limit.acquire()).isTrue();
        }

        assertThatThrownBy(limit::acquire).hasMessageContaining("No batch was answered and recorded")
                .hasMessageContaining("3 in flight");
        limit.release();
        assertThat(limit.acquire()).isTrue();
    }

    @Test
    void waitsForNothingOnceClosed() throws Exception {
        InFlightLimit limit = limit(1);
        assertThat(limit.acquire()).isTrue();
        Thread closer = new Thread(() -> {
            sleep(50);
            limit.close();
        });
        closer.start();

        assertThat(limit.acquire()).as("woken by the close, not by the stall timeout").isFalse();
        closer.join();
    }

    @Test
    void anOverloadHalvesTheLimitOncePerRoundAndHoldsNewBatchesForRetryAfter() throws Exception {
        InFlightLimit limit = limit(8);
        long started = later(Duration.ofMillis(1));
        for (int i = 0; i < 8; i++) {
            limit.acquire();
        }

        for (int i = 0; i < 6; i++) {
            limit.overloaded(started, Duration.ofMillis(50));
        }
        assertThat(limit.currentLimit()).as("the six 429s of one round count once").isEqualTo(4);

        for (int i = 0; i < 8; i++) {
            limit.release();
        }
        long before = System.nanoTime();
        now.set(now.get() + Duration.ofMillis(50).toNanos());
        assertThat(limit.acquire()).isTrue();
        assertThat(System.nanoTime() - before).isLessThan(Duration.ofSeconds(5).toNanos());

        long nextRound = later(Duration.ofMillis(1));
        limit.overloaded(nextRound, null);
        assertThat(limit.currentLimit()).as("a call started after the decrease lowers it again").isEqualTo(2);
    }

    @Test
    void retryAfterHoldsNewBatchesBackUntilItIsOver() {
        InFlightLimit limit = limit(4);
        limit.overloaded(later(Duration.ofMillis(1)), Duration.ofSeconds(1));

        assertThatThrownBy(limit::acquire).as("the clock does not move: the pause outlasts the stall timeout")
                .hasMessageContaining("0 in flight");
    }

    @Test
    void answeredCallsRaiseTheLimitByOneARoundUpToTheMaximum() {
        InFlightLimit limit = limit(8);
        limit.overloaded(later(Duration.ofMillis(1)), null);
        assertThat(limit.currentLimit()).isEqualTo(4);

        later(InFlightLimit.PROBE_AFTER);
        for (int i = 0; i < 5; i++) {
            limit.answered(now.get(), false);
        }
        assertThat(limit.currentLimit()).as("one more after a round of 4 or 5 calls").isEqualTo(5);
        for (int i = 0; i < 200; i++) {
            later(InFlightLimit.PROBE_AFTER);
            limit.answered(now.get(), false);
        }
        assertThat(limit.currentLimit()).isEqualTo(8);
    }

    @Test
    void theLimitOverloadedAtIsNotExceededUntilItIsProbedAgain() {
        InFlightLimit limit = limit(8);
        limit.overloaded(later(Duration.ofMillis(1)), null); // 8 -> 4, ceiling 7
        limit.overloaded(later(Duration.ofMillis(1)), null); // 4 -> 2, ceiling 3
        for (int i = 0; i < 100; i++) {
            limit.answered(later(Duration.ofMillis(10)), false);
        }
        assertThat(limit.currentLimit()).as("below the limit Zest refused, until the probe").isEqualTo(3);

        later(InFlightLimit.PROBE_AFTER);
        for (int i = 0; i < 10; i++) {
            limit.answered(later(Duration.ofMillis(10)), false);
        }
        assertThat(limit.currentLimit()).isEqualTo(4);
    }

    @Test
    void risingLatencyLowersTheLimitByAQuarter() {
        InFlightLimit limit = limit(8);
        long started = later(Duration.ofMillis(1));
        limit.answered(started, true); // sets the lowest latency: 0
        for (int i = 0; i < 3; i++) {
            long callStarted = later(Duration.ofMillis(1));
            later(Duration.ofMillis(20));
            limit.answered(callStarted, true);
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
        limit.answered(callStarted, true);
    }

    @Test
    void steadyLatencyKeepsTheLimit() {
        InFlightLimit limit = limit(8);
        for (int i = 0; i < 50; i++) {
            long callStarted = later(Duration.ofMillis(1));
            later(Duration.ofMillis(20 + i % 3));
            limit.answered(callStarted, true);
        }
        assertThat(limit.currentLimit()).isEqualTo(8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
