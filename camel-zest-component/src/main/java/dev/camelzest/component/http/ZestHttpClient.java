package dev.camelzest.component.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestApiException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.net.URIBuilder;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP transport to one Zest environment, on Apache HttpClient 5 (the stack camel-http uses). It sends one
 * request and returns the 2xx reply or throws a {@link ZestApiException}; it never retries by itself, so that
 * Camel's error handler decides (the client's own automatic retries are disabled).
 */
public final class ZestHttpClient implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(ZestHttpClient.class);
    private static final int MAX_CONNECTIONS = 50;
    /** JSON everywhere, except the Swagger UI page of apiDocs. */
    private static final String ACCEPT = "application/json, */*;q=0.1";

    private final URI baseUri;
    private final CloseableHttpClient httpClient;
    private final ErrorReplyParser errorParser;

    private ZestHttpClient(URI baseUri, CloseableHttpClient httpClient, ObjectMapper mapper) {
        this.baseUri = baseUri;
        this.httpClient = httpClient;
        this.errorParser = new ErrorReplyParser(mapper);
    }

    /** A client of these settings; {@code sslContext} is the one made from the settings' TLS parameters. */
    public static ZestHttpClient create(HttpSettings settings, SSLContext sslContext, ObjectMapper mapper) {
        URI baseUri;
        try {
            baseUri = new URI(settings.baseUrl());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + settings.baseUrl(), e);
        }
        return new ZestHttpClient(baseUri, buildHttpClient(settings, sslContext), mapper);
    }

    private static CloseableHttpClient buildHttpClient(HttpSettings settings, SSLContext sslContext) {
        ConnectionConfig connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.ofMilliseconds(settings.connectTimeoutMillis()))
                .setSocketTimeout(Timeout.ofMilliseconds(settings.readTimeoutMillis()))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultConnectionConfig(connectionConfig)
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(sslContext))
                        .setMaxConnTotal(MAX_CONNECTIONS)
                        .setMaxConnPerRoute(MAX_CONNECTIONS)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.ofMilliseconds(settings.readTimeoutMillis()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-zest");
        if (settings.proxyHost() != null) {
            HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort() != null ? settings.proxyPort() : 8080);
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(settings.proxyUsername(),
                                settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    /**
     * Sends the request, with {@code Authorization: Bearer} when a token is given.
     *
     * @throws ZestApiException on a non-2xx reply, a transport failure, or an upload over the limit
     */
    public ZestResponse execute(String operation, ZestRequest request, String bearerToken) throws ZestApiException {
        ClassicRequestBuilder builder = ClassicRequestBuilder.create(request.method())
                .setUri(uriOf(request))
                .addHeader(HttpHeaders.ACCEPT, ACCEPT);
        request.headers().forEach(builder::addHeader);
        if (bearerToken != null) {
            builder.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (request.entity() != null) {
            builder.setEntity(request.entity());
        }
        LOG.debug("Zest {}: {} {}", operation, request.method(), request.pathSegments());
        try {
            ZestResponse response = httpClient.execute(builder.build(), this::readResponse);
            if (response.statusCode() >= 300) {
                throw errorParser.parse(operation, response.statusCode(), response.body());
            }
            return response;
        } catch (ZestApiException e) {
            throw e;
        } catch (IOException e) {
            throw transportFailure(operation, e);
        }
    }

    private ZestResponse readResponse(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        return new ZestResponse(response.getCode(), entity == null ? null : entity.getContentType(), body);
    }

    private URI uriOf(ZestRequest request) {
        try {
            return new URIBuilder(baseUri).appendPathSegments(request.pathSegments()).addParameters(request.query()).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Cannot build a Zest URL for " + request.pathSegments(), e);
        }
    }

    private static ZestApiException transportFailure(String operation, IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof UploadLimitExceededException tooLarge) {
                return ZestApiException.rejectedBeforeSending(operation, "payload_too_large", tooLarge.getMessage());
            }
        }
        String code = e instanceof InterruptedIOException ? ZestApiException.TIMEOUT : ZestApiException.CONNECTION_FAILED;
        return ZestApiException.transportFailure(operation, code, e);
    }

    @Override
    public void close() throws IOException {
        httpClient.close();
    }
}
