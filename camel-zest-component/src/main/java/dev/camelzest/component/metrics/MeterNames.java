package dev.camelzest.component.metrics;

import java.util.List;

/**
 * The component's meter names (Micrometer's dotted form; Prometheus shows {@code zest.client.requests} as
 * {@code zest_client_requests_seconds_count}, {@code _sum} and {@code _bucket}, and counters with {@code _total}).
 */
public final class MeterNames {

    /** Timer of HTTP exchanges with Zest; tags {@code operation}, {@code status} (2xx, 4xx, 5xx, none). */
    public static final String CLIENT_REQUESTS = "zest.client.requests";
    /** Counter of failed producer calls; tags {@code operation}, {@code code} (Zest's error code). */
    public static final String CLIENT_ERRORS = "zest.client.errors";
    /** Counter of producer calls that are Camel redeliveries; tag {@code operation}. */
    public static final String CLIENT_RETRIES = "zest.client.retries";
    /** Counter of calls resent with a new token after a 401; tag {@code operation}. */
    public static final String CLIENT_REAUTHENTICATIONS = "zest.client.reauthentications";
    /** Counter of token exchanges; tags {@code reason} (first, refresh, reauthentication), {@code outcome}. */
    public static final String TOKEN_EXCHANGES = "zest.client.token.exchanges";
    /** Timer of webhook requests from arrival to answer; tag {@code outcome} (one of {@link #WEBHOOK_OUTCOMES}). */
    public static final String WEBHOOK_DELIVERIES = "zest.webhook.deliveries";
    /** Counter of refused webhook requests; tag {@code reason}. */
    public static final String WEBHOOK_REFUSALS = "zest.webhook.refusals";
    /** Gauge of webhook requests being handled right now. */
    public static final String WEBHOOK_IN_FLIGHT = "zest.webhook.in.flight";

    /**
     * How a webhook request ended: routed and acknowledged, a duplicate acknowledged without routing, a type the
     * endpoint filters out, a copy answered 409 while the first is routed, refused (4xx), failed in the route (500),
     * or answered 503 while the consumer stops.
     */
    public static final List<String> WEBHOOK_OUTCOMES
            = List.of("accepted", "duplicate", "ignored", "in_flight", "refused", "failed", "unavailable");

    private MeterNames() {
    }
}
