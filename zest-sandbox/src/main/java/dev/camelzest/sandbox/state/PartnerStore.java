package dev.camelzest.sandbox.state;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Registered partners by client id. Kept by a reset. */
public final class PartnerStore extends KeyedStore<Partner> {

    public PartnerStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PartnerStore(Map<String, Partner> partners) {
        super(partners);
    }

    public void register(Partner partner) {
        put(partner.clientId(), partner);
    }
}
