package dev.camelzest.sandbox.contracts;

import java.util.Map;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/** GET /v1/contracts: {@code {versions: [{version, releasedAt}]}}. */
public final class ListContractVersions implements ApiHandler {

    private final ContractRegistry registry;

    public ListContractVersions(ContractRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(Map.of("versions", registry.versions()));
    }
}
