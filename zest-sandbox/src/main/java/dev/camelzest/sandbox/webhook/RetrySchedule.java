package dev.camelzest.sandbox.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * Zest's webhook retry schedule (sandbox README, *Webhook delivery*): six attempts, waiting 30 s, 5 min, 30 min,
 * 2 h and 12 h between them ({@code WEBHOOK_RETRY_DELAYS_SECONDS = (30, 300, 1800, 7200, 43200)}), then dead-letter.
 * The delays are multiplied by the sandbox's time scale, so that tests run the whole schedule in
 * milliseconds.
 */
final class RetrySchedule {

    static final int MAX_ATTEMPTS = 6;
    private static final long[] DELAYS_SECONDS = {30, 300, 1800, 7200, 43200};

    private RetrySchedule() {
    }

    /** The wait before the next attempt once attempt number {@code failedAttempts} failed; empty after the last. */
    static Optional<Duration> delayAfter(int failedAttempts, double timeScale) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts are numbered from 1");
        }
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        double nanos = DELAYS_SECONDS[failedAttempts - 1] * 1e9 * timeScale;
        return Optional.of(Duration.ofNanos(Math.round(Math.min(nanos, Long.MAX_VALUE))));
    }
}
