package dev.camelzest.sandbox.spv;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.SpvRequest;

/** GET /v1/spv-requests/{slug}: the caller's own request; anyone else's is 404 like a missing one. */
public final class GetSpvRequest implements ApiHandler {

    private final SandboxContext context;

    public GetSpvRequest(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(SpvRequestView.of(owned(context, request)));
    }

    static SpvRequest owned(SandboxContext context, ApiRequest request) {
        String slug = request.pathParam("slug");
        return context.state().spvRequests().findOwned(slug, request.requireClientId())
                .orElseThrow(() -> ApiException.notFound("SPV request " + slug + " not found."));
    }
}
