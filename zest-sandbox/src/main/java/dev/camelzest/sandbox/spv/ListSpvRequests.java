package dev.camelzest.sandbox.spv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.SandboxContext;
import dev.camelzest.sandbox.http.ApiHandler;
import dev.camelzest.sandbox.http.ApiRequest;
import dev.camelzest.sandbox.http.ApiResponse;
import dev.camelzest.sandbox.state.SpvRequest;
import dev.camelzest.sandbox.state.SpvRequestStatus;

/**
 * {@code GET /v1/spv-requests?page&perPage&status}: the caller's requests, newest first, as
 * {@code {documents, count, skip, limit}} where count is the number of all matching requests. The
 * OpenAPI validation has already checked the ranges (perPage 1..100, page >= 1) and the status.
 */
public final class ListSpvRequests implements ApiHandler {

    private static final int DEFAULT_PER_PAGE = 10;

    private final SandboxContext context;

    public ListSpvRequests(SandboxContext context) {
        this.context = context;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        int perPage = request.queryParam("perPage").map(Integer::parseInt).orElse(DEFAULT_PER_PAGE);
        int page = request.queryParam("page").map(Integer::parseInt).orElse(1);
        SpvRequestStatus status = request.queryParam("status").flatMap(SpvRequestStatus::fromWire).orElse(null);

        List<SpvRequest> matching = context.state().spvRequests().list(request.requireClientId(), status);
        long skip = (long) (page - 1) * perPage;
        List<Map<String, Object>> documents = matching.stream()
                .skip(skip)
                .limit(perPage)
                .map(SpvRequestView::of)
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("documents", documents);
        body.put("count", matching.size());
        body.put("skip", skip);
        body.put("limit", perPage);
        return ApiResponse.ok(body);
    }
}
