package dev.camelzest.routes.filedrop;

import java.util.List;
import java.util.Map;

import dev.camelzest.component.ZestApiException;

/**
 * One call to Zest made for some rows of a batch: its typed request body and headers, and how its reply (or its
 * refusal) becomes those rows' outcomes.
 */
public interface ZestCall<O extends RowOutcome> {

    /** The request body: the component's model records. */
    Object request();

    /** Headers of the call ({@code ZestConstants}), such as the SPV slug or a derived Idempotency-Key. */
    Map<String, Object> headers();

    /** The outcome of each row of the call, from Zest's reply. */
    List<O> answered(Object reply);

    /** The outcome of each row of a call Zest refused as a whole (flows where a refusal fails the rows only). */
    List<O> refused(ZestApiException refusal);
}
