package dev.camelzest.sandbox.auth;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.Partner;

/** GET /v1/oauth2/info: who the presented token belongs to. Partner applications are "service" clients. */
public final class GetTokenInfo implements ApiHandler {

    private final SandboxContext context;

    public GetTokenInfo(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Partner partner = context.state().partners().find(request.requireClientId())
                .orElseThrow(() -> ApiException.invalidToken("Bearer token is unknown or expired."));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tenantSlug", partner.tenantSlug());
        metadata.put("provisioned", partner.provisioned());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientType", "service");
        body.put("clientId", partner.clientId());
        body.put("metadata", metadata);
        return ApiResponse.ok(body);
    }
}
