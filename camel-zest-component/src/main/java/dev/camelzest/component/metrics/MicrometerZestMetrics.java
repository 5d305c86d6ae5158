package dev.camelzest.component.metrics;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** {@link ZestMetrics} on a Micrometer registry. */
final class MicrometerZestMetrics implements ZestMetrics {

    /** Zest's error codes are short snake_case words; anything else would be an unbounded tag value. */
    private static final Pattern ERROR_CODE = Pattern.compile("[a-z0-9_.]{1,48}");

    private final MeterRegistry registry;
    private final AtomicInteger webhooksInFlight;

    MicrometerZestMetrics(MeterRegistry registry) {
        this.registry = registry;
        // one instance per component (ZestComponent keeps it); a registry keeps the first gauge of a name, so a
        // second zest component on the same registry would not add its own requests to it
        this.webhooksInFlight = new AtomicInteger();
        Gauge.builder(MeterNames.WEBHOOK_IN_FLIGHT, webhooksInFlight, AtomicInteger::get)
                .description("Webhook requests being handled").strongReference(true).register(registry);
    }

    @Override
    public void call(String operation, int statusCode, long nanos) {
        Timer.builder(MeterNames.CLIENT_REQUESTS).description("HTTP exchanges with Zest")
                .tag("operation", operation).tag("status", statusClass(statusCode))
                .publishPercentileHistogram().register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void error(String operation, String code) {
        Counter.builder(MeterNames.CLIENT_ERRORS).description("Zest calls that failed, per Zest error code")
                .tag("operation", operation).tag("code", code != null && ERROR_CODE.matcher(code).matches() ? code : "other")
                .register(registry).increment();
    }

    @Override
    public void retry(String operation) {
        Counter.builder(MeterNames.CLIENT_RETRIES).description("Zest calls redelivered by Camel's error handler")
                .tag("operation", operation).register(registry).increment();
    }

    @Override
    public void tokenExchange(String reason, boolean succeeded) {
        Counter.builder(MeterNames.TOKEN_EXCHANGES).description("Access token exchanges with Zest")
                .tag("reason", reason).tag("outcome", succeeded ? "success" : "failure").register(registry).increment();
    }

    @Override
    public void reauthentication(String operation) {
        Counter.builder(MeterNames.CLIENT_REAUTHENTICATIONS).description("Zest calls resent with a new token after a 401")
                .tag("operation", operation).register(registry).increment();
    }

    @Override
    public WebhookDelivery webhookStarted() {
        webhooksInFlight.incrementAndGet();
        long start = System.nanoTime();
        return outcome -> {
            webhooksInFlight.decrementAndGet();
            Timer.builder(MeterNames.WEBHOOK_DELIVERIES).description("Webhook requests, from arrival to answer")
                    .tag("outcome", outcome).publishPercentileHistogram().register(registry)
                    .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        };
    }

    @Override
    public void webhookRefused(String reason) {
        Counter.builder(MeterNames.WEBHOOK_REFUSALS).description("Webhook requests refused, per reason")
                .tag("reason", reason).register(registry).increment();
    }

    static String statusClass(int statusCode) {
        return statusCode < 100 ? "none" : statusCode / 100 + "xx";
    }
}
