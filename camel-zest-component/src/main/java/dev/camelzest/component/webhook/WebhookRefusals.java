package dev.camelzest.component.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

import dev.camelzest.component.metrics.ZestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook requests an endpoint refused, counted per reason. Anyone who can reach the webhook port can send
 * refused requests, so they are not logged one by one: the first is logged, then at most one summary line a minute
 * with the counts since the previous line (and a last one when the endpoint stops). Each request's detail is logged
 * at DEBUG. A refusal can also mean Zest's own deliveries are refused (a rotated secret not configured yet), hence
 * WARN.
 */
public final class WebhookRefusals {

    /** Why a request was refused, with the HTTP status it is answered with. */
    public enum Reason {
        /** A multipart or form body: never a Zest delivery. */
        UNSUPPORTED_MEDIA_TYPE(415, "media_type"),
        /** A body over webhookMaxBodySize. */
        BODY_TOO_LARGE(413, "size"),
        /** No body, or a body that could not be read. */
        UNREADABLE_BODY(400, "unreadable"),
        /** A Zest-Signature header that cannot be parsed. */
        MALFORMED_SIGNATURE(400, "signature"),
        /** No signature, or one that is forged or made with another secret: not proven to come from Zest. */
        SIGNATURE_NOT_VERIFIED(401, "signature"),
        /** A signature whose timestamp is outside the tolerance (a replay, or a clock far off). */
        STALE_SIGNATURE(401, "stale"),
        /** A correctly signed body that is not a Zest event. */
        NOT_AN_EVENT(400, "parse");

        private final int status;
        private final String meterTag;

        Reason(int status, String meterTag) {
            this.status = status;
            this.meterTag = meterTag;
        }

        public int status() {
            return status;
        }

        /** The {@code reason} tag of the refusals meter: the groups an operator tells apart. */
        public String meterTag() {
            return meterTag;
        }

        static Reason ofSignature(ZestWebhookSignatureException.Reason signatureReason) {
            return switch (signatureReason) {
                case MALFORMED_HEADER -> MALFORMED_SIGNATURE;
                case TIMESTAMP_OUT_OF_TOLERANCE -> STALE_SIGNATURE;
                default -> SIGNATURE_NOT_VERIFIED;
            };
        }
    }

    static final Duration SUMMARY_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRefusals.class);
    private static final Reason[] REASONS = Reason.values();

    private final Clock clock;
    private final AtomicLongArray totals = new AtomicLongArray(REASONS.length);
    /** Guarded by this: the refusals not yet in a log line, and when the last line was written. */
    private final long[] unlogged = new long[REASONS.length];
    private Instant lastLine;
    private volatile ZestMetrics metrics = ZestMetrics.NONE;

    public WebhookRefusals() {
        this(Clock.systemUTC());
    }

    /** Counts the refusals in these metrics too. */
    public void measureIn(ZestMetrics metrics) {
        this.metrics = metrics;
    }

    WebhookRefusals(Clock clock) {
        this.clock = clock;
    }

    /** How many requests were refused for this reason since the endpoint was created. */
    public long count(Reason reason) {
        return totals.get(reason.ordinal());
    }

    /** Every reason's count, in the order of {@link Reason}. */
    public Map<Reason, Long> counts() {
        Map<Reason, Long> counts = new EnumMap<>(Reason.class);
        for (Reason reason : REASONS) {
            counts.put(reason, count(reason));
        }
        return counts;
    }

    public long total() {
        long total = 0;
        for (Reason reason : REASONS) {
            total += count(reason);
        }
        return total;
    }

    void record(Reason reason, String detail) {
        totals.incrementAndGet(reason.ordinal());
        metrics.webhookRefused(reason.meterTag());
        LOG.debug("Refused a webhook request with {} ({}): {}", reason.status(), reason, detail);
        Instant now = clock.instant();
        String summary = null;
        boolean first = false;
        synchronized (this) {
            unlogged[reason.ordinal()]++;
            if (lastLine == null) {
                first = true;
                clearUnlogged();
                lastLine = now;
            } else if (!now.isBefore(lastLine.plus(SUMMARY_INTERVAL))) {
                summary = takeSummary();
                lastLine = now;
            }
        }
        if (first) {
            LOG.warn("Refused a webhook request with {} ({}): {}. Further refusals are counted and logged at most once"
                     + " a minute", reason.status(), reason, detail);
        } else if (summary != null) {
            LOG.warn("Refused webhook requests since the last report: {}", summary);
        }
    }

    /** Logs the refusals not reported yet, if any (the endpoint does when it stops). */
    public void flush() {
        String summary;
        synchronized (this) {
            summary = takeSummary();
        }
        if (summary != null) {
            LOG.warn("Refused webhook requests since the last report: {}", summary);
        }
    }

    /** The unlogged counts as text ({@code SIGNATURE_NOT_VERIFIED=57, BODY_TOO_LARGE=1}), or null when none. */
    private String takeSummary() {
        StringBuilder summary = new StringBuilder();
        for (Reason reason : REASONS) {
            long count = unlogged[reason.ordinal()];
            if (count > 0) {
                summary.append(summary.length() == 0 ? "" : ", ").append(reason).append('=').append(count);
            }
        }
        clearUnlogged();
        return summary.length() == 0 ? null : summary.toString();
    }

    private void clearUnlogged() {
        Arrays.fill(unlogged, 0);
    }

    @Override
    public String toString() {
        return "WebhookRefusals" + counts();
    }
}
