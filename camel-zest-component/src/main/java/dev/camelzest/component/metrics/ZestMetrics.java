package dev.camelzest.component.metrics;

import org.apache.camel.CamelContext;

/**
 * What the component measures: calls to Zest, token exchanges and webhook deliveries. The meters live in the
 * Micrometer registry the runtime provides (Camel's {@code metricsRegistry}, or Spring Boot Actuator's); with no
 * registry, or no Micrometer on the class path, every method does nothing ({@link #NONE}). Tags are kept to small,
 * fixed vocabularies (operation names, status classes, Zest error codes, refusal reasons, outcomes): never an id, a
 * file name or anything else whose values grow without bound. The names are listed in {@link MeterNames}.
 */
public interface ZestMetrics {

    /** Measures nothing. */
    ZestMetrics NONE = new ZestMetrics() {
    };

    /** The metrics of this context: Micrometer's when a registry is bound, else {@link #NONE}. */
    static ZestMetrics of(CamelContext camelContext) {
        return MeterRegistryLookup.metricsOf(camelContext);
    }

    /** One HTTP exchange with Zest that ended with a reply ({@code statusCode}) or without one (-1). */
    default void call(String operation, int statusCode, long nanos) {
    }

    /** A call of the producer that failed with this Zest error {@code code} (Zest's or the component's own). */
    default void error(String operation, String code) {
    }

    /** The producer was called again for an exchange Camel's error handler redelivers. */
    default void retry(String operation) {
    }

    /** A token exchange: {@code reason} first, refresh or reauthentication. */
    default void tokenExchange(String reason, boolean succeeded) {
    }

    /** A call Zest answered 401 that is sent once more with a new token. */
    default void reauthentication(String operation) {
    }

    /** A webhook request reached the handler; the delivery is ended by {@link WebhookDelivery#end}. */
    default WebhookDelivery webhookStarted() {
        return WebhookDelivery.NONE;
    }

    /** A webhook request refused for this reason ({@code signature}, {@code stale}, {@code size}, ...). */
    default void webhookRefused(String reason) {
    }

    /** One webhook request in progress. */
    interface WebhookDelivery {

        WebhookDelivery NONE = outcome -> {
        };

        /** The request was answered; {@code outcome} is one of {@link MeterNames#WEBHOOK_OUTCOMES}. */
        void end(String outcome);
    }
}
