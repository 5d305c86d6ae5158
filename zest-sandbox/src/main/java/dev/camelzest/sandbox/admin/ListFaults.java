package dev.camelzest.sandbox.admin;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** GET /sandbox/faults: the faults still pending, with their remaining counts. */
public final class ListFaults implements ApiHandler {

    private final SandboxContext context;

    public ListFaults(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(context.faults().pending());
    }
}
