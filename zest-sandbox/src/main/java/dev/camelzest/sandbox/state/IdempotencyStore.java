package dev.camelzest.sandbox.state;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Stored responses by (client id, Idempotency-Key); see {@code dev.camelzest.sandbox.http.Idempotency}. */
public final class IdempotencyStore extends KeyedStore<IdempotencyRecord> {

    public IdempotencyStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public IdempotencyStore(Map<String, IdempotencyRecord> records) {
        super(records);
    }

    /** The store key: keys are scoped per client, not per endpoint (sandbox README, *Idempotency*). */
    public static String key(String clientId, String idempotencyKey) {
        return clientId + '\u001f' + idempotencyKey;
    }
}
