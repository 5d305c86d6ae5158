package dev.camelzest.component.http;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.metrics.ZestMetrics;
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
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
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

    /**
     * The largest reply read. Zest's replies are small JSON documents (a page of SPV requests, the OpenAPI document);
     * a reply past this is an error of the server or of a proxy, and reading it whole could exhaust the heap.
     */
    static final int MAX_REPLY_BYTES = 32 * 1024 * 1024;

    private final URI baseUri;
    private final CloseableHttpClient httpClient;
    private final ErrorReplyParser errorParser;
    private final int maxReplyBytes;
    private final ZestMetrics metrics;

    private ZestHttpClient(URI baseUri, CloseableHttpClient httpClient, ObjectMapper mapper, int maxReplyBytes,
                           ZestMetrics metrics) {
        this.baseUri = baseUri;
        this.httpClient = httpClient;
        this.errorParser = new ErrorReplyParser(mapper);
        this.maxReplyBytes = maxReplyBytes;
        this.metrics = metrics;
    }

    /** A client of these settings; {@code sslContext} is the one made from the settings' TLS parameters. */
    public static ZestHttpClient create(HttpSettings settings, SSLContext sslContext, ObjectMapper mapper) {
        return create(settings, sslContext, mapper, ZestMetrics.NONE);
    }

    /** A client whose requests are measured in {@code metrics}. */
    public static ZestHttpClient create(HttpSettings settings, SSLContext sslContext, ObjectMapper mapper,
                                        ZestMetrics metrics) {
        return create(settings, sslContext, mapper, MAX_REPLY_BYTES, metrics);
    }

    static ZestHttpClient create(HttpSettings settings, SSLContext sslContext, ObjectMapper mapper, int maxReplyBytes) {
        return create(settings, sslContext, mapper, maxReplyBytes, ZestMetrics.NONE);
    }

    private static ZestHttpClient create(HttpSettings settings, SSLContext sslContext, ObjectMapper mapper,
                                         int maxReplyBytes, ZestMetrics metrics) {
        URI baseUri;
        try {
            baseUri = new URI(settings.baseUrl());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URL: " + settings.baseUrl(), e);
        }
        return new ZestHttpClient(baseUri, buildHttpClient(settings, sslContext), mapper, maxReplyBytes, metrics);
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
        long start = System.nanoTime();
        int statusCode = -1;
        try {
            ZestResponse response = httpClient.execute(builder.build(), this::readResponse);
            statusCode = response.statusCode();
            if (response.statusCode() >= 300) {
                throw errorParser.parse(operation, response.statusCode(), response.body(),
                        RetryAfter.parse(response.retryAfter(), Instant.now()));
            }
            return response;
        } catch (ZestApiException e) {
            throw e;
        } catch (IOException e) {
            ZestApiException failure = transportFailure(operation, e);
            statusCode = failure.getStatusCode();
            throw failure;
        } finally {
            metrics.call(operation, statusCode, System.nanoTime() - start);
        }
    }

    private ZestResponse readResponse(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : readBounded(response.getCode(), entity);
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new ZestResponse(response.getCode(), entity == null ? null : entity.getContentType(), body,
                retryAfter == null ? null : retryAfter.getValue());
    }

    private byte[] readBounded(int statusCode, HttpEntity entity) throws IOException {
        if (entity.getContentLength() > maxReplyBytes) {
            throw new ReplyLimitExceededException(statusCode, maxReplyBytes);
        }
        try (InputStream in = entity.getContent()) {
            byte[] body = in.readNBytes(maxReplyBytes + 1);
            if (body.length > maxReplyBytes) {
                throw new ReplyLimitExceededException(statusCode, maxReplyBytes);
            }
            return body;
        }
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
            if (cause instanceof ReplyLimitExceededException tooLarge) {
                return ZestApiException.fromResponse(
                        operation, tooLarge.statusCode(), "response_too_large", null, tooLarge.getMessage(), null);
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
