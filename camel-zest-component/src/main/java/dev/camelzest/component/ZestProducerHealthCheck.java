package dev.camelzest.component;

import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness of a zest: producer: an access token can be obtained (from the cache while it is valid, so checking does
 * not cost a token exchange each time). Zest's error code and errorId are reported, never the token.
 */
public class ZestProducerHealthCheck extends AbstractHealthCheck {

    private final ZestEndpoint endpoint;

    public ZestProducerHealthCheck(ZestEndpoint endpoint, String endpointId) {
        super("camel", "producer:zest-" + endpointId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        ZestClient client = endpoint.getClient();
        if (client == null) {
            builder.detail("reason", "endpoint not started").down();
            return;
        }
        builder.detail("baseUrl", endpoint.getConfiguration().getBaseUrl());
        try {
            client.tokens().accessToken();
            builder.up();
        } catch (ZestApiException e) {
            builder.detail("code", e.getCode());
            if (e.getErrorId() != null) {
                builder.detail("errorId", e.getErrorId());
            }
            builder.error(e).down();
        }
    }
}
