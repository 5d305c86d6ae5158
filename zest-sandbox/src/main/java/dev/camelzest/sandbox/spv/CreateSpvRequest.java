package dev.camelzest.sandbox.spv;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.contracts.AttributeValidator;
import dev.camelzest.sandbox.contracts.Template;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.http.ValidationErrorItem;
import dev.camelzest.sandbox.state.Ids;
import dev.camelzest.sandbox.state.Partner;
import dev.camelzest.sandbox.state.SpvRequest;
import dev.camelzest.sandbox.state.SpvRequestStore;

/**
 * POST /v1/spv-requests: validates the attributes against the named contract template (404 for an
 * unknown template or version, 400 validation_error with one entry per failing attribute), stores the
 * request as pending-review and fires spv_request.created. Mounted behind the required Idempotency-Key.
 */
public final class CreateSpvRequest implements ApiHandler {

    private final SandboxContext context;

    public CreateSpvRequest(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String clientId = request.requireClientId();
        JsonNode body = request.jsonBody();
        String templateId = body.get("templateId").asText();
        String templateVersion = body.get("templateVersion").asText();
        JsonNode attributes = body.get("attributes");

        Template template = context.contracts().template(templateVersion, templateId);
        List<ValidationErrorItem> errors = AttributeValidator.validate(template, attributes);
        if (!errors.isEmpty()) {
            throw ApiException.validationError("Submitted attributes failed contract validation.", errors);
        }
        Partner partner = context.state().partners().find(clientId)
                .orElseThrow(() -> ApiException.invalidToken("Bearer token is unknown or expired."));

        Instant now = context.now();
        SpvRequestStore store = context.state().spvRequests();
        SpvRequest created = SpvRequest.pendingReview(Ids.next("svr_"), store.nextSequence(), clientId,
                partner.tenantSlug(), templateId, templateVersion, Json.toMap(attributes), now);
        store.insert(created.slug(), created);
        context.events().publish(SpvRequestEvents.CREATED, SpvRequestEvents.created(created), now);
        return ApiResponse.created(SpvRequestView.of(created));
    }
}
