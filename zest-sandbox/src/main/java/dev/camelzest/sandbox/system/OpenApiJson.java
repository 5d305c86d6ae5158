package dev.camelzest.sandbox.system;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.http.OpenApiDocument;

/** GET /openapi.json: the OpenAPI document the sandbox implements, as published. */
public final class OpenApiJson implements ApiHandler {

    private final ApiResponse document = new ApiResponse(200, ApiResponse.APPLICATION_JSON, OpenApiDocument.bytes());

    @Override
    public ApiResponse handle(ApiRequest request) {
        return document;
    }
}
