package dev.camelzest.component;

import java.time.Duration;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Makes Camel's next redelivery wait as long as Zest's {@code Retry-After} asked (429, 503), capped at
 * {@link #setMaximumMillis(long) maximumMillis} (five minutes unless set). Use it as the {@code onExceptionOccurred}
 * processor of the {@code onException} that redelivers Zest calls; it runs before the error handler computes the
 * delay and sets the {@code CamelRedeliveryDelay} header, which Camel's error handler takes over its own policy.
 * When the failure carries no {@code Retry-After}, it removes that header, so the policy's delay (e.g. the
 * exponential back-off) applies.
 * <p>
 * In a YAML route, declare it as a bean ({@code type: dev.camelzest.component.RetryAfterDelay}) and name it in
 * {@code onExceptionOccurredRef}.
 */
public class RetryAfterDelay implements Processor {

    private static final Duration DEFAULT_MAXIMUM = Duration.ofMinutes(5);

    private long maximumMillis = DEFAULT_MAXIMUM.toMillis();

    /** The longest wait taken from a {@code Retry-After} header; a longer one is cut to this. */
    public long getMaximumMillis() {
        return maximumMillis;
    }

    public void setMaximumMillis(long maximumMillis) {
        if (maximumMillis < 0) {
            throw new IllegalArgumentException("maximumMillis cannot be negative");
        }
        this.maximumMillis = maximumMillis;
    }

    @Override
    public void process(Exchange exchange) {
        ZestApiException failure = exchange.getException(ZestApiException.class);
        if (failure != null && failure.isRetryable() && failure.getRetryAfter().isPresent()) {
            long asked = failure.getRetryAfter().get().toMillis();
            exchange.getIn().setHeader(Exchange.REDELIVERY_DELAY, Math.min(asked, maximumMillis));
        } else {
            exchange.getIn().removeHeader(Exchange.REDELIVERY_DELAY);
        }
    }
}
