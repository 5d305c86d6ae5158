package dev.camelzest.routes.filedrop;

import java.util.List;

import dev.camelzest.component.ZestApiException;

/** A flow's {@link ZestCall} as the pipeline sends it: the body of a call exchange, keeping its rows' outcomes. */
public final class Call<O extends RowOutcome> {

    private final ZestCall<O> call;
    private List<O> outcomes;

    Call(ZestCall<O> call) {
        this.call = call;
    }

    ZestCall<O> call() {
        return call;
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
