package dev.camelzest.component.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;

/** One HTTP call to Zest: method, path segments under the base URL (encoded when sent), query, headers, entity. */
public record ZestRequest(
        String method, List<String> pathSegments, List<NameValuePair> query, Map<String, String> headers,
        HttpEntity entity, boolean authenticated) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    public static Builder get(List<String> pathSegments) {
        return new Builder("GET", pathSegments);
    }

    public static Builder post(List<String> pathSegments) {
        return new Builder("POST", pathSegments);
    }

    public static Builder builder(String method, List<String> pathSegments) {
        return new Builder(method, pathSegments);
    }

    /** This request with these headers added (the request's own win on a clash). */
    public ZestRequest withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(extra);
        merged.putAll(headers);
        return new ZestRequest(method, pathSegments, query, Map.copyOf(merged), entity, authenticated);
    }

    /** Whether the entity can be sent a second time (e.g. after a 401); a streamed upload cannot. */
    public boolean isRepeatable() {
        return entity == null || entity.isRepeatable();
    }

    public static final class Builder {
        private final String method;
        private final List<String> pathSegments;
        private final List<NameValuePair> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpEntity entity;
        private boolean authenticated;

        private Builder(String method, List<String> pathSegments) {
            this.method = method;
            this.pathSegments = List.copyOf(pathSegments);
        }

        public Builder query(String name, Object value) {
            if (value != null) {
                query.add(new BasicNameValuePair(name, value.toString()));
            }
            return this;
        }

        public Builder header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Builder idempotencyKey(String key) {
            return header(IDEMPOTENCY_KEY, key);
        }

        public Builder entity(HttpEntity entity) {
            this.entity = entity;
            return this;
        }

        public Builder authenticated(boolean authenticated) {
            this.authenticated = authenticated;
            return this;
        }

        public ZestRequest build() {
            return new ZestRequest(method, pathSegments, List.copyOf(query), Map.copyOf(headers), entity, authenticated);
        }
    }
}
