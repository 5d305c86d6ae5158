package dev.camelzest.sandbox.spv;

import java.time.Instant;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.SpvRequest;

/** DELETE /v1/spv-requests/{slug}: pending-review to cancelled (409 conflict when terminal). */
public final class CancelSpvRequest implements ApiHandler {

    private final SandboxContext context;

    public CancelSpvRequest(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        SpvRequest owned = GetSpvRequest.owned(context, request);
        Instant now = context.now();
        SpvRequest cancelled = context.state().spvRequests()
                .update(owned.slug(), current -> current.cancel(now))
                .orElseThrow();
        context.events().publish(SpvRequestEvents.CANCELLED, SpvRequestEvents.cancelled(cancelled), now);
        return ApiResponse.ok(SpvRequestView.of(cancelled));
    }
}
