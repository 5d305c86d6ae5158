package dev.camelzest.routes.events;

/**
 * Another delivery of the event to the partner is under way (on another instance, or a replay of its dead letter):
 * this one stops without delivering, and fails, so that the event comes again later (Zest's retry, the next replay
 * poll) and then finds it delivered, or its claim expired.
 */
public class EventBeingDeliveredException extends IllegalStateException {

    public EventBeingDeliveredException(String eventId) {
        super("Event " + eventId + " is being delivered by another delivery; not delivered twice");
    }
}
