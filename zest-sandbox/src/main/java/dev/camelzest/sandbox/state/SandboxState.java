package dev.camelzest.sandbox.state;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything the sandbox knows, in memory: one {@link KeyedStore} per kind of entity. Thread-safe
 * without a global lock (each store is a concurrent map of immutable records). Serialised with Jackson
 * as the state file; every change bumps {@link #version()} so the file writer knows when to save.
 *
 * <p>To add a store: a final field, a {@code @JsonProperty} constructor parameter (null on a state file
 * written before the store existed) and accessor, and an entry in {@link #stores()} (or
 * {@link #partnerData()} if a reset must clear it).
 */
public final class SandboxState {

    private final PartnerStore partners;
    private final TokenStore tokens;
    private final SpvRequestStore spvRequests;
    private final SpvStore spvs;
    private final IdempotencyStore idempotency;
    private final PersonStore persons;
    private final SubscriptionStore subscriptions;
    private final AtomicLong version = new AtomicLong();

    public SandboxState() {
        this(null, null, null, null, null, null, null);
    }

    @JsonCreator
    public SandboxState(@JsonProperty("partners") PartnerStore partners,
                        @JsonProperty("tokens") TokenStore tokens,
                        @JsonProperty("spvRequests") SpvRequestStore spvRequests,
                        @JsonProperty("spvs") SpvStore spvs,
                        @JsonProperty("idempotency") IdempotencyStore idempotency,
                        @JsonProperty("persons") PersonStore persons,
                        @JsonProperty("subscriptions") SubscriptionStore subscriptions) {
        this.partners = partners != null ? partners : new PartnerStore();
        this.tokens = tokens != null ? tokens : new TokenStore();
        this.spvRequests = spvRequests != null ? spvRequests : new SpvRequestStore();
        this.spvs = spvs != null ? spvs : new SpvStore();
        this.idempotency = idempotency != null ? idempotency : new IdempotencyStore();
        this.persons = persons != null ? persons : new PersonStore();
        this.subscriptions = subscriptions != null ? subscriptions : new SubscriptionStore();
        stores().forEach(store -> store.onChange(version::incrementAndGet));
    }

    @JsonProperty("partners")
    public PartnerStore partners() {
        return partners;
    }

    @JsonProperty("tokens")
    public TokenStore tokens() {
        return tokens;
    }

    @JsonProperty("spvRequests")
    public SpvRequestStore spvRequests() {
        return spvRequests;
    }

    @JsonProperty("spvs")
    public SpvStore spvs() {
        return spvs;
    }

    @JsonProperty("idempotency")
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @JsonProperty("persons")
    public PersonStore persons() {
        return persons;
    }

    @JsonProperty("subscriptions")
    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    /** Counts changes; unchanged version means nothing to save. */
    public long version() {
        return version.get();
    }

    /** Clears all data and tokens; keeps the registered partners. */
    public void reset() {
        partnerData().forEach(KeyedStore::clear);
    }

    private List<KeyedStore<?>> stores() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(partners), partnerData().stream())
                .toList();
    }

    /** The stores a reset clears: everything but the partner registrations. */
    private List<KeyedStore<?>> partnerData() {
        return List.of(tokens, spvRequests, spvs, idempotency, persons, subscriptions);
    }
}
