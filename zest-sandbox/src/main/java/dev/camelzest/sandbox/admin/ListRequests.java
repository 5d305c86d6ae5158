package dev.camelzest.sandbox.admin;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/**
 * GET /sandbox/requests: every Zest API call answered since start or reset, in order:
 * {@code [{method, path, idempotencyKey, status, clientId, at, traceparent}]}.
 */
public final class ListRequests implements ApiHandler {

    private final SandboxContext context;

    public ListRequests(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(context.requestLog().calls());
    }
}
