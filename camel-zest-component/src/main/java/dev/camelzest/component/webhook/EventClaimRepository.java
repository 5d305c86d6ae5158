package dev.camelzest.component.webhook;

import org.apache.camel.spi.IdempotentRepository;

/**
 * An eventId store that holds the claims themselves, so that several instances sharing it route each event once.
 * {@link #add} claims an id for this instance before the route runs (true: route it), {@link #confirm} marks it
 * routed once the route succeeded, and {@link #remove} releases this instance's unconfirmed claim after a failure so
 * that Zest's retry is routed. A claim not confirmed within the store's lease is taken over by the next delivery: an
 * instance that died while routing does not hold the event for ever.
 * <p>
 * A store that only records routed ids (Camel's file or memory repositories) cannot tell another instance that an
 * event is in flight; with one of these, a copy arriving at a second instance while the first routes it is answered
 * 409 instead of being routed a second time.
 */
public interface EventClaimRepository extends IdempotentRepository {

    /** Whether the id was routed and confirmed, by any instance; false when unknown or only claimed. */
    boolean isConfirmed(String eventId);
}
