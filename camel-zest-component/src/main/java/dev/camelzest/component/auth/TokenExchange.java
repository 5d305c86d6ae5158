package dev.camelzest.component.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.http.ZestHttpClient;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.http.ZestResponse;
import dev.camelzest.component.model.JwtAssertionGrant;
import dev.camelzest.component.model.TokenResponse;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/** {@code POST /v1/oauth2/tokens}: a freshly signed assertion for an access token. */
public final class TokenExchange implements TokenSource {

    public static final String OPERATION = "exchangeToken";
    private static final List<String> TOKEN_PATH = List.of("v1", "oauth2", "tokens");

    private final ZestHttpClient http;
    private final AssertionSigner signer;
    private final ObjectMapper mapper;

    public TokenExchange(ZestHttpClient http, AssertionSigner signer, ObjectMapper mapper) {
        this.http = http;
        this.signer = signer;
        this.mapper = mapper;
    }

    /** The raw reply of one exchange (for callers that want Zest's JSON as sent). */
    public ZestResponse exchangeRaw() throws ZestApiException {
        JwtAssertionGrant grant = JwtAssertionGrant.of(signer.sign());
        UrlEncodedFormEntity form = new UrlEncodedFormEntity(List.of(
                new BasicNameValuePair("grant_type", grant.grantType()),
                new BasicNameValuePair("assertion", grant.assertion())), StandardCharsets.UTF_8);
        return http.execute(OPERATION, ZestRequest.post(TOKEN_PATH).entity(form).build(), null);
    }

    @Override
    public TokenResponse exchange() throws ZestApiException {
        return parse(exchangeRaw());
    }

    public TokenResponse parse(ZestResponse response) throws ZestApiException {
        TokenResponse token;
        try {
            token = mapper.readValue(response.body(), TokenResponse.class);
        } catch (IOException e) {
            throw ZestApiException.fromResponse(OPERATION, response.statusCode(), "invalid_token_response", null,
                    "the token reply is not JSON", null);
        }
        if (token.accessToken() == null || token.accessToken().isBlank()) {
            throw ZestApiException.fromResponse(OPERATION, response.statusCode(), "invalid_token_response", null,
                    "the token reply has no accessToken", null);
        }
        return token;
    }
}
