package dev.camelzest.routes.filedrop;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.camelzest.component.ZestApiException;

/** A flow's {@link ZestCall} as the pipeline sends it: the body of a call exchange, keeping its rows' outcomes. */
public final class Call<O extends RowOutcome> {

    private final ZestCall<O> call;
    private final long batch;
    private final int position;
    private List<O> outcomes;

    /** The call at {@code position} among the calls of the file's batch {@code batch}. */
    Call(ZestCall<O> call, long batch, int position) {
        this.call = call;
        this.batch = batch;
        this.position = position;
    }

    /**
     * The Idempotency-Key of this call when its flow derives none: the same for the same call of the same file
     * ({@code importId}: its name and content), so that a file imported again after a crash, here or on another
     * replica, repeats the calls an earlier attempt made and Zest answers those from its idempotency cache
     * (created, as they were) instead of {@code already_exists}. The request is part of it: a call with other rows
     * (another batch size, say) is another call, never a key reused with a different body.
     */
    String idempotencyKey(String importId, Object request) {
        String content = "zest-file-drop:" + importId + ":" + batch + ":" + position + ":" + request;
        return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
    }

    ZestCall<O> call() {
        return call;
    }

    /** The number of the batch the call is one of, from 0. */
    long batch() {
        return batch;
    }

    void answered(Object reply) {
        outcomes = call.answered(reply);
    }

    void refused(ZestApiException refusal) {
        outcomes = call.refused(refusal);
    }

    /** The outcomes of the call's rows; empty until it is answered. */
    List<O> outcomes() {
        return outcomes == null ? List.of() : outcomes;
    }
}
