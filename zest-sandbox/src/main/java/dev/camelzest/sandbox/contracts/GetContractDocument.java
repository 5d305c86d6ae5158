package dev.camelzest.sandbox.contracts;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/**
 * GET /v1/contracts/{kind}/{version}/{name}: the document itself. A sample is a complete, valid
 * SpvRequestCreate body ({@code templateId, templateVersion, attributes}).
 */
public final class GetContractDocument implements ApiHandler {

    private final ContractRegistry registry;
    private final ContractKind kind;
    private final String nameParameter;

    /** {@code nameParameter} is the path parameter's name in the OpenAPI document ({@code template_name}). */
    public GetContractDocument(ContractRegistry registry, ContractKind kind, String nameParameter) {
        this.registry = registry;
        this.kind = kind;
        this.nameParameter = nameParameter;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        return ApiResponse.ok(registry.document(kind, request.pathParam("version"), request.pathParam(nameParameter)));
    }
}
