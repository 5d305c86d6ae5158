package dev.camelzest.sandbox.admin;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.Fault;

/**
 * POST /sandbox/faults {method, path, status, count?, delayMs?, afterCommit?}: fail the next
 * {@code count} (default 1) calls matching method and path; see {@link Fault}.
 */
public final class InjectFault implements ApiHandler {

    private final SandboxContext context;

    public InjectFault(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Fault fault = request.body(Fault.class);
        context.faults().add(fault);
        return ApiResponse.created(fault);
    }
}
