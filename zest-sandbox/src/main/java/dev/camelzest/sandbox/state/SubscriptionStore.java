package dev.camelzest.sandbox.state;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Subscriptions by {@code spvSlug/personId}. */
public final class SubscriptionStore extends KeyedStore<Subscription> {

    public SubscriptionStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SubscriptionStore(Map<String, Subscription> subscriptions) {
        super(subscriptions);
    }

    public Optional<Subscription> find(String spvSlug, String personId) {
        return find(Subscription.key(spvSlug, personId));
    }

    /** The subscription if it exists and belongs to {@code clientId} (others' are invisible: 404). */
    public Optional<Subscription> findOwned(String spvSlug, String personId, String clientId) {
        return find(spvSlug, personId).filter(s -> s.clientId().equals(clientId));
    }
}
