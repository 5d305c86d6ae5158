package dev.camelzest.component;

import java.io.Closeable;
import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.auth.AccessTokenProvider;
import dev.camelzest.component.auth.TokenExchange;
import dev.camelzest.component.http.ZestHttpClient;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.http.ZestResponse;
import dev.camelzest.component.metrics.ZestMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client of one endpoint: its HTTP transport (closed with the client) and, when credentials are configured, the
 * token exchange and the access-token cache, which belong to the component and are shared by every endpoint of the
 * same settings. An authenticated call rejected with 401 drops the token and is sent once more with a new one (when
 * its body can be sent again).
 */
public final class ZestClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ZestClient.class);

    private final ZestHttpClient http;
    private final TokenExchange tokenExchange;
    private final AccessTokenProvider tokens;
    private final ObjectMapper mapper;
    private final ZestMetrics metrics;

    /** A client; {@code tokenExchange} and {@code tokens} are both null when no credentials are configured. */
    public ZestClient(ZestHttpClient http, TokenExchange tokenExchange, AccessTokenProvider tokens, ObjectMapper mapper) {
        this(http, tokenExchange, tokens, mapper, ZestMetrics.NONE);
    }

    /** A client counting its reauthentications in {@code metrics}. */
    public ZestClient(ZestHttpClient http, TokenExchange tokenExchange, AccessTokenProvider tokens, ObjectMapper mapper,
                      ZestMetrics metrics) {
        this.http = http;
        this.tokenExchange = tokenExchange;
        this.tokens = tokens;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Where this client's calls are measured. */
    public ZestMetrics metrics() {
        return metrics;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public boolean hasCredentials() {
        return tokens != null;
    }

    /** The token cache; fails when no clientId, issuer and privateKey are configured. */
    public AccessTokenProvider tokens() {
        requireCredentials();
        return tokens;
    }

    /** Zest's token endpoint, for a token of the caller's own; fails without credentials. */
    public TokenExchange tokenExchange() {
        requireCredentials();
        return tokenExchange;
    }

    private void requireCredentials() {
        if (tokens == null) {
            throw new IllegalStateException("clientId, issuer and privateKey must be configured to authenticate to Zest");
        }
    }

    public ZestResponse call(String operation, ZestRequest request) throws ZestApiException {
        if (!request.authenticated()) {
            return http.execute(operation, request, null);
        }
        String token = tokens().accessToken();
        try {
            return http.execute(operation, request, token);
        } catch (ZestApiException e) {
            if (e.getStatusCode() != 401 || !request.isRepeatable()) {
                throw e;
            }
            LOG.debug("Zest rejected the access token on {}; retrying once with a new token", operation);
            tokens.invalidate(token);
            metrics.reauthentication(operation);
            return http.execute(operation, request, tokens.accessToken());
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
