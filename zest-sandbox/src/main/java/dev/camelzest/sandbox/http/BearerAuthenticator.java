package dev.camelzest.sandbox.http;

import java.time.Clock;
import java.util.Locale;

import dev.camelzest.sandbox.state.AccessToken;
import dev.camelzest.sandbox.state.Partner;
import dev.camelzest.sandbox.state.SandboxState;

/**
 * Checks the {@code Authorization: Bearer} token of a request and puts the partner's client id into the
 * routing context ({@link ApiRequest#CLIENT_ID}). Missing, malformed, unknown and expired tokens are all
 * 401 {@code invalid_token}; a valid token of a partner not provisioned for the API is 403 on business
 * operations.
 */
public final class BearerAuthenticator {

    private static final String BEARER = "bearer ";

    private final SandboxState state;
    private final Clock clock;

    public BearerAuthenticator(SandboxState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    public void authenticate(ApiRequest request, Access access) {
        String header = request.header("Authorization").orElse(null);
        if (header == null || header.isBlank()) {
            throw ApiException.invalidToken("Bearer token missing.");
        }
        if (header.length() <= BEARER.length()
                || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
            throw ApiException.invalidToken("Authorization header is not a bearer token.");
        }
        String token = header.substring(BEARER.length()).trim();
        AccessToken accessToken = state.tokens().lookup(token, clock.instant())
                .orElseThrow(() -> ApiException.invalidToken("Bearer token is unknown or expired."));
        Partner partner = state.partners().find(accessToken.clientId())
                .orElseThrow(() -> ApiException.invalidToken("Bearer token is unknown or expired."));
        if (access == Access.PARTNER && !partner.provisioned()) {
            throw ApiException.forbidden("Partner application " + partner.clientId()
                    + " is not provisioned for the partner API.");
        }
        request.routingContext().put(ApiRequest.CLIENT_ID, partner.clientId());
    }
}
