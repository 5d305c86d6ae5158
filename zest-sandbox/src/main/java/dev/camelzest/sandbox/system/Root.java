package dev.camelzest.sandbox.system;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** GET /: what this server is and where its documentation lives. */
public final class Root implements ApiHandler {

    @Override
    public ApiResponse handle(ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Zest Partner API (sandbox)");
        body.put("version", "v1");
        body.put("docs", "/docs");
        body.put("openapi", "/openapi.json");
        return ApiResponse.ok(body);
    }
}
