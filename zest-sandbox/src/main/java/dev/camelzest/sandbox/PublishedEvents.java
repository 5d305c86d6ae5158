package dev.camelzest.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.camelzest.sandbox.webhook.EventPublisher;

/**
 * Records the events the business operations publish, in order, and hands each on to the webhook
 * delivery. Lets tests check the payloads without a webhook receiver. Keeps the most recent
 * {@link #CAPACITY} events, so that a bulk run of a million investors does not fill the heap.
 */
public final class PublishedEvents implements EventPublisher {

    public static final int CAPACITY = 10_000;

    /** One published event. */
    public record Event(String eventType, Map<String, Object> data, Instant occurredAt) {
    }

    private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final EventPublisher delivery;
    private final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

    public PublishedEvents(EventPublisher delivery) {
        this.delivery = delivery;
    }

    @Override
    public void publish(String eventType, Map<String, Object> data, Instant occurredAt) {
        Event event = new Event(eventType, data, occurredAt);
        events.add(event);
        if (size.incrementAndGet() > CAPACITY && events.poll() != null) {
            size.decrementAndGet();
        }
        delivery.publish(eventType, data, occurredAt);
        listeners.forEach(listener -> listener.accept(event));
    }

    /** Called with every event after it is handed to delivery. */
    public void onPublished(Consumer<Event> listener) {
        listeners.add(listener);
    }

    public List<Event> events() {
        return new ArrayList<>(events);
    }

    public void clear() {
        events.clear();
        size.set(0);
    }
}
