package dev.camelzest.component.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * De-duplicates deliveries on {@code eventId}. An id is recorded only after the route accepted the event, so a
 * crash or a failed route leaves it unrecorded and Zest's retry is routed again (at least once, never lost). While
 * one delivery of an event is in the route, a concurrent copy is told to come back later rather than acknowledged,
 * because the first may still fail.
 */
final class EventDeduplicator {

    enum Claim {
        /** Not seen before: route it, then {@link #accepted} or {@link #released}. */
        FIRST,
        /** Already accepted earlier: acknowledge without routing. */
        DUPLICATE,
        /** Another delivery of the same event is being routed right now. */
        IN_FLIGHT
    }

    private final IdempotentRepository repository;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    EventDeduplicator(IdempotentRepository repository) {
        this.repository = repository;
    }

    Claim claim(String eventId) {
        if (!inFlight.add(eventId)) {
            return Claim.IN_FLIGHT;
        }
        if (repository.contains(eventId)) {
            inFlight.remove(eventId);
            return Claim.DUPLICATE;
        }
        return Claim.FIRST;
    }

    void accepted(String eventId) {
        try {
            repository.add(eventId);
            repository.confirm(eventId);
        } finally {
            inFlight.remove(eventId);
        }
    }

    void released(String eventId) {
        inFlight.remove(eventId);
    }
}
