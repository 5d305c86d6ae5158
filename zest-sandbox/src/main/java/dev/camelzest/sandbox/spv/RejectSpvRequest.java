package dev.camelzest.sandbox.spv;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.SpvRequest;

/**
 * POST /sandbox/spv-requests/{slug}/reject {reason} (admin): pending-review to rejected with the reason,
 * fires spv_request.rejected. 409 if the request is not pending-review.
 */
public final class RejectSpvRequest implements ApiHandler {

    private final SandboxContext context;

    public RejectSpvRequest(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String slug = request.pathParam("slug");
        JsonNode reason = request.jsonBody().get("reason");
        if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
            throw ApiException.invalidRequest("reason is required (a non-empty string).");
        }
        Instant now = context.now();
        SpvRequest rejected = context.state().spvRequests()
                .update(slug, current -> current.reject(now, reason.asText()))
                .orElseThrow(() -> ApiException.notFound("SPV request " + slug + " not found."));
        context.events().publish(SpvRequestEvents.REJECTED, SpvRequestEvents.rejected(rejected), now);
        return ApiResponse.ok(SpvRequestView.of(rejected));
    }
}
