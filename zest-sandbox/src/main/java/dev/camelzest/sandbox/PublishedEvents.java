package dev.camelzest.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import dev.camelzest.sandbox.webhook.EventPublisher;

/**
 * Records every event the business operations publish, in order, and hands each on to the webhook
 * delivery (if any). Lets tests check the payloads without a webhook receiver.
 */
public final class PublishedEvents implements EventPublisher {

    /** One published event. */
    public record Event(String eventType, Map<String, Object> data, Instant occurredAt) {
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final EventPublisher delivery;

    public PublishedEvents(EventPublisher delivery) {
        this.delivery = delivery;
    }

    @Override
    public void publish(String eventType, Map<String, Object> data, Instant occurredAt) {
        events.add(new Event(eventType, data, occurredAt));
        delivery.publish(eventType, data, occurredAt);
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public void clear() {
        events.clear();
    }
}
