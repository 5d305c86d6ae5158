package dev.camelzest.sandbox.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.auth.Ed25519Keys;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.Partner;

/**
 * POST /sandbox/partners {clientId, publicKeyPem, tenantSlug?, provisioned?}: what Zest's
 * register-partner admin command does. Registering a known client id again replaces its key.
 */
public final class RegisterPartner implements ApiHandler {

    private final SandboxContext context;

    public RegisterPartner(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        JsonNode body = request.jsonBody();
        String clientId = AdminBodies.requiredText(body, "clientId");
        String publicKeyPem = AdminBodies.requiredText(body, "publicKeyPem");
        String tenantSlug = body.path("tenantSlug").asText(Partner.tenantSlugFor(clientId));
        boolean provisioned = body.path("provisioned").asBoolean(true);
        Partner partner = register(context, clientId, publicKeyPem, tenantSlug, provisioned);

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("clientId", partner.clientId());
        answer.put("tenantSlug", partner.tenantSlug());
        answer.put("provisioned", partner.provisioned());
        return ApiResponse.created(answer);
    }

    /** Validates the key and stores the partner; used by the admin API and the Java API alike. */
    public static Partner register(SandboxContext context, String clientId, String publicKeyPem,
                                   String tenantSlug, boolean provisioned) {
        try {
            Ed25519Keys.parsePublicKey(publicKeyPem);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidRequest("publicKeyPem must be an Ed25519 public key in PEM.");
        }
        Partner partner = new Partner(clientId, publicKeyPem, tenantSlug, provisioned, context.now());
        context.state().partners().register(partner);
        return partner;
    }
}
