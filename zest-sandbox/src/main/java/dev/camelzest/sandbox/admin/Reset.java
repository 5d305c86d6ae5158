package dev.camelzest.sandbox.admin;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** POST /sandbox/reset: clears all data, tokens, faults and the request log; keeps the partners. */
public final class Reset implements ApiHandler {

    private final SandboxContext context;

    public Reset(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        context.reset();
        return ApiResponse.noContent();
    }
}
