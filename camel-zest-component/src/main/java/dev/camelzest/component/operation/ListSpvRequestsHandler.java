package dev.camelzest.component.operation;

import java.util.ArrayList;
import java.util.List;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.http.ZestResponse;
import dev.camelzest.component.model.AggregationResponse;
import dev.camelzest.component.model.SpvRequestResponse;

/**
 * {@code GET /v1/spv-requests}: one page ({@link AggregationResponse}), or with {@code allPages} every page from the
 * requested one on, joined into one {@code List<SpvRequestResponse>}.
 */
final class ListSpvRequestsHandler implements ZestOperationHandler {

    private static final List<String> PATH = List.of("v1", "spv-requests");
    /** The largest page Zest serves; used to page through everything in few calls. */
    private static final int MAX_PER_PAGE = 100;

    @Override
    public void handle(ZestCall call) throws Exception {
        String status = call.parameter(ZestConstants.STATUS, call.configuration().getStatus());
        String page = call.parameter(ZestConstants.PAGE, call.configuration().getPage());
        String perPage = call.parameter(ZestConstants.PER_PAGE, call.configuration().getPerPage());
        if (!call.configuration().isAllPages()) {
            call.reply(fetch(call, page, perPage, status), AggregationResponse.class);
            return;
        }
        int pageSize = perPage == null ? MAX_PER_PAGE : Integer.parseInt(perPage);
        List<SpvRequestResponse> all = new ArrayList<>();
        ZestResponse last;
        int current = page == null ? 1 : Integer.parseInt(page);
        while (true) {
            last = fetch(call, String.valueOf(current), String.valueOf(pageSize), status);
            AggregationResponse response = call.read(last.body(), AggregationResponse.class);
            List<SpvRequestResponse> documents = response == null || response.documents() == null
                    ? List.of() : response.documents();
            all.addAll(documents);
            // a short page is the last; "count" is not relied on, the OpenAPI document does not define it
            if (documents.size() < pageSize) {
                break;
            }
            current++;
        }
        call.reply(call.configuration().isRawJson() ? call.mapper().writeValueAsString(all) : all, last.statusCode());
    }

    private static ZestResponse fetch(ZestCall call, String page, String perPage, String status) throws Exception {
        return call.send(ZestRequest.get(PATH)
                .authenticated(true)
                .query("page", page)
                .query("perPage", perPage)
                .query("status", status)
                .build());
    }
}
