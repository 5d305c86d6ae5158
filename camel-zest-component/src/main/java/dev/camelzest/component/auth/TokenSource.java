package dev.camelzest.component.auth;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.model.TokenResponse;

/** Where {@link AccessTokenProvider} obtains a new access token: Zest's token endpoint ({@link TokenExchange}). */
@FunctionalInterface
public interface TokenSource {

    TokenResponse exchange() throws ZestApiException;
}
