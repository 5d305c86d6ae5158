package dev.camelzest.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.auth.AccessTokenProvider;
import dev.camelzest.component.auth.AssertionSigner;
import dev.camelzest.component.auth.Ed25519KeyReader;
import dev.camelzest.component.auth.TokenExchange;
import dev.camelzest.component.http.HttpSettings;
import dev.camelzest.component.http.ZestHttpClient;
import org.apache.camel.CamelContext;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.support.jsse.SSLContextParameters;

/** Builds the client of a configuration: TLS context, HTTP transport, and the token cache when credentials are set. */
final class ZestClientFactory {

    private final CamelContext camelContext;
    private final ObjectMapper mapper;

    ZestClientFactory(CamelContext camelContext, ObjectMapper mapper) {
        this.camelContext = camelContext;
        this.mapper = mapper;
    }

    ZestClient create(ClientSettings settings, SSLContextParameters globalSslContextParameters) throws Exception {
        ZestHttpClient http = ZestHttpClient.create(new HttpSettings(
                settings.baseUrl(), settings.connectTimeout(), settings.readTimeout(),
                settings.proxyHost(), settings.proxyPort(), settings.proxyUsername(), settings.proxyPassword(),
                sslContext(settings.sslContextParameters() != null
                        ? settings.sslContextParameters() : globalSslContextParameters)), mapper);
        AccessTokenProvider tokens = null;
        if (settings.hasCredentials()) {
            AssertionSigner signer = new AssertionSigner(settings.issuer(), settings.clientId(), settings.audience(),
                    Ed25519KeyReader.read(resolveKeyText(settings.privateKey())), Clock.systemUTC());
            tokens = new AccessTokenProvider(new TokenExchange(http, signer, mapper), Clock.systemUTC());
        }
        return new ZestClient(http, tokens, mapper);
    }

    private SSLContext sslContext(SSLContextParameters parameters) throws GeneralSecurityException, IOException {
        return parameters != null ? parameters.createSSLContext(camelContext) : SSLContext.getDefault();
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
}
