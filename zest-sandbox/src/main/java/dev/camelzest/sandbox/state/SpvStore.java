package dev.camelzest.sandbox.state;

import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Materialised SPVs by vehicle slug. */
public final class SpvStore extends KeyedStore<Spv> {

    public SpvStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SpvStore(Map<String, Spv> spvs) {
        super(spvs);
    }

    public void add(Spv spv) {
        put(spv.vehicleSlug(), spv);
    }

    /** The SPV if it exists and belongs to {@code clientId} (others' SPVs are invisible: 404). */
    public Optional<Spv> findOwned(String vehicleSlug, String clientId) {
        return find(vehicleSlug).filter(s -> s.clientId().equals(clientId));
    }
}
