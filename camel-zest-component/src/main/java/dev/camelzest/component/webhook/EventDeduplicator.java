package dev.camelzest.component.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;

/**
 * De-duplicates deliveries on {@code eventId}. Before the route runs, the id is claimed in memory: a concurrent copy
 * of the same event is told to come back later (409) rather than acknowledged, because the first may still fail.
 * When the route succeeds the claim is confirmed: the id is written to the store, and later copies are acknowledged
 * without routing. When it fails, or throws an {@link Error}, the claim is released and Zest's retry is routed again.
 * <p>
 * The id reaches the store only after the route succeeded, never before: a process that dies while the event is in
 * the route then leaves no trace of it, and Zest's retry is routed (at least once, never lost). An id written before
 * the route would make that retry look like a duplicate and lose the event.
 */
final class EventDeduplicator {

    enum Claim {
        /** Not seen before and now claimed: route it, then {@link #confirm} or {@link #release}. */
        CLAIMED,
        /** Already confirmed earlier: acknowledge without routing. */
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
        boolean seen;
        try {
            seen = repository.contains(eventId);
        } catch (RuntimeException | Error e) {
            inFlight.remove(eventId);
            throw e;
        }
        if (seen) {
            inFlight.remove(eventId);
            return Claim.DUPLICATE;
        }
        return Claim.CLAIMED;
    }

    /** The route took the event: record the id durably, then drop the claim. */
    void confirm(String eventId) {
        try {
            repository.add(eventId);
            repository.confirm(eventId);
        } finally {
            inFlight.remove(eventId);
        }
    }

    /** The route did not take the event: drop the claim so that Zest's retry is routed. */
    void release(String eventId) {
        inFlight.remove(eventId);
    }
}
