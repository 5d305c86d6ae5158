package dev.camelzest.sandbox.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;

/**
 * GET /v1/contracts/{kind}/{version}: {@code {version, <kind>: [{name, title?, description?}]}}, e.g.
 * {@code {version: "1.0.0", templates: [{name: "syndicate_secondary", ...}]}}.
 */
public final class ListContractDocuments implements ApiHandler {

    private final ContractRegistry registry;
    private final ContractKind kind;

    public ListContractDocuments(ContractRegistry registry, ContractKind kind) {
        this.registry = registry;
        this.kind = kind;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String version = request.pathParam("version");
        List<Map<String, Object>> summaries = new ArrayList<>();
        registry.documents(kind, version).forEach((name, document) -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("name", name);
            if (document.has("title")) {
                summary.put("title", document.get("title").asText());
            }
            if (document.has("description")) {
                summary.put("description", document.get("description").asText());
            }
            summaries.add(summary);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", version);
        body.put(kind.plural(), summaries);
        return ApiResponse.ok(body);
    }
}
