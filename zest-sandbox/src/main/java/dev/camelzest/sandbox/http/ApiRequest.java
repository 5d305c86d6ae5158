package dev.camelzest.sandbox.http;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;

/**
 * What a handler sees of an HTTP request: the authenticated partner, path and query parameters,
 * headers and the body (parsed once, on first use).
 */
public final class ApiRequest {

    /** Routing-context key of the authenticated partner's client id. */
    public static final String CLIENT_ID = "zest.clientId";
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

    private final RoutingContext context;
    private final Instant receivedAt;
    private volatile JsonNode json;

    public ApiRequest(RoutingContext context, Instant receivedAt) {
        this.context = context;
        this.receivedAt = receivedAt;
    }

    /** The client id of the partner whose bearer token authenticated this request; null on open routes. */
    public String clientId() {
        return context.get(CLIENT_ID);
    }

    /** Like {@link #clientId()}, for handlers mounted with bearer access. */
    public String requireClientId() {
        String clientId = clientId();
        if (clientId == null) {
            throw ApiException.invalidToken("Bearer token required.");
        }
        return clientId;
    }

    public HttpMethod method() {
        return context.request().method();
    }

    public String path() {
        return context.normalizedPath();
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** A path parameter by the name used in the mounted path ({@code /v1/spv-requests/{slug}} -> "slug"). */
    public String pathParam(String name) {
        return context.pathParam(name);
    }

    public Optional<String> queryParam(String name) {
        List<String> values = context.queryParam(name);
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(context.request().getHeader(name));
    }

    /** The Idempotency-Key header, blank treated as absent. */
    public Optional<String> idempotencyKey() {
        return header(IDEMPOTENCY_KEY_HEADER).filter(key -> !key.isBlank());
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    public boolean hasBody() {
        return context.body() != null && context.body().length() > 0;
    }

    public byte[] bodyBytes() {
        return hasBody() ? context.body().buffer().getBytes() : new byte[0];
    }

    /** The JSON body; a missing or malformed body is a 400 invalid_request. */
    public JsonNode jsonBody() {
        JsonNode node = json;
        if (node == null) {
            if (!hasBody()) {
                throw ApiException.invalidRequest("A JSON request body is required.");
            }
            try {
                node = Json.readTree(bodyBytes());
            } catch (JsonProcessingException e) {
                throw ApiException.invalidRequest("Malformed JSON body: " + e.getOriginalMessage());
            }
            json = node;
        }
        return node;
    }

    /** The JSON body bound to a type (records, maps). */
    public <T> T body(Class<T> type) {
        try {
            return Json.mapper().treeToValue(jsonBody(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            if (e.getCause() instanceof ApiException rejected) {
                throw rejected;
            }
            throw ApiException.invalidRequest("Request body does not match the expected shape: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    /** A field of a form-encoded or multipart body. */
    public Optional<String> formAttribute(String name) {
        return Optional.ofNullable(context.request().getFormAttribute(name));
    }

    /** The files of a multipart body (stored in a temporary directory, deleted after the response). */
    public List<FileUpload> fileUploads() {
        return context.fileUploads();
    }

    /** The underlying Vert.x context, for what this class does not cover. */
    public RoutingContext routingContext() {
        return context;
    }
}
