package dev.camelzest.component;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.auth.AccessTokenProvider;
import dev.camelzest.component.auth.AssertionSigner;
import dev.camelzest.component.auth.Ed25519KeyReader;
import dev.camelzest.component.auth.TokenExchange;
import dev.camelzest.component.http.HttpSettings;
import dev.camelzest.component.http.ZestHttpClient;
import dev.camelzest.component.metrics.ZestMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.util.IOHelper;

/**
 * Builds the endpoints' clients: each endpoint gets an HTTP transport of its own, which it closes. The access token
 * is not the endpoint's: one token cache per settings is kept here for as long as the component runs, because a
 * token per endpoint would cost a token exchange for every producer of an application (Zest counts them, and each
 * costs a signed assertion and a round trip before the first call).
 */
final class ZestClientFactory implements Closeable {

    private final CamelContext camelContext;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ZestMetrics metrics;
    private final Map<ClientSettings, SharedTokens> tokens = new HashMap<>();

    ZestClientFactory(CamelContext camelContext, ObjectMapper mapper, Clock clock, ZestMetrics metrics) {
        this.camelContext = camelContext;
        this.mapper = mapper;
        this.clock = clock;
        this.metrics = metrics;
    }

    ZestClient create(ClientSettings settings) throws Exception {
        ZestHttpClient http = http(settings.http());
        if (settings.credentials() == null) {
            return new ZestClient(http, null, null, mapper, metrics);
        }
        try {
            SharedTokens shared = tokensOf(settings);
            return new ZestClient(http, shared.exchange(), shared.tokens(), mapper, metrics);
        } catch (Exception | Error e) {
            IOHelper.close(http);
            throw e;
        }
    }

    private synchronized SharedTokens tokensOf(ClientSettings settings) throws Exception {
        SharedTokens shared = tokens.get(settings);
        if (shared == null) {
            ClientSettings.Credentials credentials = settings.credentials();
            AssertionSigner signer = new AssertionSigner(credentials.issuer(), credentials.clientId(),
                    credentials.audience(), Ed25519KeyReader.read(resolveKeyText(credentials.privateKey())), clock);
            ZestHttpClient http = http(settings.http());
            TokenExchange exchange = new TokenExchange(http, signer, mapper);
            shared = new SharedTokens(http, exchange, new AccessTokenProvider(exchange, clock, metrics));
            tokens.put(settings, shared);
        }
        return shared;
    }

    private ZestHttpClient http(HttpSettings settings) throws GeneralSecurityException, IOException {
        SSLContext sslContext = settings.sslContextParameters() != null
                ? settings.sslContextParameters().createSSLContext(camelContext) : SSLContext.getDefault();
        return ZestHttpClient.create(settings, sslContext, mapper, metrics);
    }

    /** The key text itself, or the content of a {@code file:} or {@code classpath:} reference. */
    private String resolveKeyText(String privateKey) throws IOException {
        String value = privateKey.strip();
        if (!value.startsWith("file:") && !value.startsWith("classpath:")) {
            return value;
        }
        try (InputStream in = ResourceHelper.resolveMandatoryResourceAsInputStream(camelContext, value)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** How many token caches are kept; for tests of the sharing rule. */
    synchronized int tokenCacheCount() {
        return tokens.size();
    }

    @Override
    public synchronized void close() {
        tokens.values().forEach(shared -> IOHelper.close(shared.http()));
        tokens.clear();
    }

    /** The token cache of one settings, with the transport its token exchanges use. */
    private record SharedTokens(ZestHttpClient http, TokenExchange exchange, AccessTokenProvider tokens) {
    }
}
