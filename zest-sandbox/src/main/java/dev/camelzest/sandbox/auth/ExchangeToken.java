package dev.camelzest.sandbox.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/**
 * POST /v1/oauth2/tokens: the JWT-bearer grant (RFC 7523). Answers 201 in the docs' shape
 * {@code {accessToken, tokenType: "Bearer", expiresIn}} (sandbox README, *Authentication*: the docs over the
 * OpenAPI document).
 */
public final class ExchangeToken implements ApiHandler {

    public static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final SandboxContext context;
    private final AssertionVerifier verifier;

    public ExchangeToken(SandboxContext context) {
        this.context = context;
        this.verifier = new AssertionVerifier(context.state().partners(), context::audience, context.clock());
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String grantType = request.formAttribute("grant_type").orElse("");
        if (!JWT_BEARER_GRANT.equals(grantType)) {
            throw ApiException.invalidRequest("grant_type must be " + JWT_BEARER_GRANT + ".");
        }
        String assertion = request.formAttribute("assertion")
                .filter(a -> !a.isBlank())
                .orElseThrow(() -> ApiException.invalidRequest("assertion is required."));
        String clientId = verifier.verify(assertion);
        request.routingContext().put(ApiRequest.CLIENT_ID, clientId);

        Duration ttl = context.settings().tokenTtl();
        String token = context.state().tokens().issue(clientId, context.clock().instant(), ttl);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", token);
        body.put("tokenType", "Bearer");
        body.put("expiresIn", ttl.toSeconds());
        return ApiResponse.created(body);
    }
}
