package dev.camelzest.sandbox.admin;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** DELETE /sandbox/faults: drops every pending fault. */
public final class ClearFaults implements ApiHandler {

    private final SandboxContext context;

    public ClearFaults(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        context.faults().clear();
        return ApiResponse.noContent();
    }
}
