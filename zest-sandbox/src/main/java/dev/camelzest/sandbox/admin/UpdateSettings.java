package dev.camelzest.sandbox.admin;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.SandboxSettings;
import dev.camelzest.sandbox.http.ApiException;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/**
 * PUT /sandbox/settings {tokenTtlSeconds?, maxInvestorsPerCall?, maxConcurrentCalls?}: changes the settings
 * (absent or null fields stay; maxConcurrentCalls 0 lifts the limit); answers the settings in force. A new token lifetime applies to tokens issued afterwards.
 */
public final class UpdateSettings implements ApiHandler {

    private final SandboxContext context;

    public UpdateSettings(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        JsonNode body = request.hasBody() ? request.jsonBody() : com.fasterxml.jackson.databind.node.NullNode.getInstance();
        SandboxSettings settings = context.settings();
        long ttl = positive(body, "tokenTtlSeconds");
        long max = positive(body, "maxInvestorsPerCall");
        if (max > Integer.MAX_VALUE) {
            throw ApiException.invalidRequest("maxInvestorsPerCall is too large.");
        }
        if (ttl > 0) {
            settings.tokenTtl(Duration.ofSeconds(ttl));
        }
        if (max > 0) {
            settings.maxInvestorsPerCall((int) max);
        }
        JsonNode concurrent = body.get("maxConcurrentCalls");
        if (concurrent != null && !concurrent.isNull()) {
            if (!concurrent.canConvertToInt() || concurrent.asInt() < 0) {
                throw ApiException.invalidRequest("maxConcurrentCalls must be 0 (no limit) or a positive integer.");
            }
            settings.maxConcurrentCalls(concurrent.asInt());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("tokenTtlSeconds", settings.tokenTtl().toSeconds());
        answer.put("maxInvestorsPerCall", settings.maxInvestorsPerCall());
        answer.put("maxConcurrentCalls", settings.maxConcurrentCalls());
        return ApiResponse.ok(answer);
    }

    /** The field's value, 0 when absent or null; 400 unless a positive integer. */
    private static long positive(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.asLong() < 1) {
            throw ApiException.invalidRequest(field + " must be a positive integer.");
        }
        return value.asLong();
    }
}
