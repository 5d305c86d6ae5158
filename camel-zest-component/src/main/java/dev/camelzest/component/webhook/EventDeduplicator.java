package dev.camelzest.component.webhook;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * De-duplicates deliveries on {@code eventId}. Before the route runs, the id is claimed: a concurrent copy of the same
 * event is told to come back later (409) rather than acknowledged, because the first may still fail. When the route
 * succeeds the claim is confirmed, and later copies are acknowledged without routing. When it fails, or throws an
 * {@link Error}, the claim is released and Zest's retry is routed again.
 * <p>
 * With a store that only records routed ids (the default file store) the claim is held in memory, and the id reaches
 * the store only after the route succeeded, never before: a process that dies while the event is in the route then
 * leaves no trace of it, and Zest's retry is routed (at least once, never lost). An id written before the route would
 * make that retry look like a duplicate and lose the event.
 * <p>
 * With an {@link EventClaimRepository} shared by several instances the claim is made in the store too, so that a copy
 * arriving at another instance meanwhile is answered 409 as well; a claim its instance never confirms or releases
 * (it died) is taken over after the store's lease.
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

    private static final Logger LOG = LoggerFactory.getLogger(EventDeduplicator.class);

    private final IdempotentRepository repository;
    private final EventClaimRepository sharedClaims;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    EventDeduplicator(IdempotentRepository repository) {
        this.repository = repository;
        this.sharedClaims = repository instanceof EventClaimRepository claims ? claims : null;
    }

    Claim claim(String eventId) {
        if (!inFlight.add(eventId)) {
            return Claim.IN_FLIGHT;
        }
        Claim claim;
        try {
            claim = sharedClaims == null ? claimLocally(eventId) : claimShared(eventId);
        } catch (RuntimeException | Error e) {
            inFlight.remove(eventId);
            throw e;
        }
        if (claim != Claim.CLAIMED) {
            inFlight.remove(eventId);
        }
        return claim;
    }

    private Claim claimLocally(String eventId) {
        return repository.contains(eventId) ? Claim.DUPLICATE : Claim.CLAIMED;
    }

    private Claim claimShared(String eventId) {
        if (sharedClaims.add(eventId)) {
            return Claim.CLAIMED;
        }
        return sharedClaims.isConfirmed(eventId) ? Claim.DUPLICATE : Claim.IN_FLIGHT;
    }

    /** The route took the event: record the id durably, then drop the claim. */
    void confirm(String eventId) {
        try {
            if (sharedClaims == null) {
                repository.add(eventId);
                repository.confirm(eventId);
            } else if (!sharedClaims.confirm(eventId)) {
                LOG.warn("Event {} was routed here after another instance took its claim over (the route took longer"
                         + " than the event store's lease): it may have been routed twice", eventId);
            }
        } finally {
            inFlight.remove(eventId);
        }
    }

    /** The route did not take the event: drop the claim so that Zest's retry is routed. */
    void release(String eventId) {
        try {
            if (sharedClaims != null) {
                sharedClaims.remove(eventId);
            }
        } catch (RuntimeException e) {
            LOG.warn("The claim of event {} could not be released ({}): Zest's retry is routed once the event store's"
                     + " lease has passed", eventId, e.getMessage());
        } finally {
            inFlight.remove(eventId);
        }
    }
}
