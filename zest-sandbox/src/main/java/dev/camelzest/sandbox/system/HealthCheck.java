package dev.camelzest.sandbox.system;

import java.util.Map;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** GET /public/hc: the outside-world health check. */
public final class HealthCheck implements ApiHandler {

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(Map.of("status", "ok"));
    }
}
