package dev.camelzest.component.operation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.http.ZestResponse;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorRowResult;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * {@code POST /v1/investors}, in calls of at most {@code maxBatchSize} rows. Each call has its own Idempotency-Key
 * derived from the exchange's key and the call's position, so a redelivery after a failed call replays the calls
 * that succeeded (Zest answers them from its idempotency cache) and sends the rest.
 */
final class BulkCreateInvestorsHandler implements ZestOperationHandler {

    private static final List<String> PATH = List.of("v1", "investors");
    private static final String INVESTORS = "investors";

    @Override
    public void handle(ZestCall call) throws Exception {
        ArrayNode investors = investorsOf(call, call.jsonBody());
        int batchSize = call.configuration().getMaxBatchSize();
        int batches = Math.max(1, (investors.size() + batchSize - 1) / batchSize);
        String baseKey = call.idempotencyKey();
        List<InvestorRowResult> results = new ArrayList<>(investors.size());
        ZestResponse last = null;
        for (int batch = 0; batch < batches; batch++) {
            ObjectNode body = call.mapper().createObjectNode();
            ArrayNode rows = body.putArray(INVESTORS);
            for (int row = batch * batchSize; row < Math.min(investors.size(), (batch + 1) * batchSize); row++) {
                rows.add(investors.get(row));
            }
            last = call.send(ZestRequest.post(PATH)
                    .authenticated(true)
                    .idempotencyKey(batches == 1 ? baseKey : baseKey + "-" + (batch + 1))
                    .entity(new ByteArrayEntity(call.toJsonBytes(body), ContentType.APPLICATION_JSON))
                    .build());
            InvestorBulkResponse response = call.read(last.body(), InvestorBulkResponse.class);
            if (response != null && response.results() != null) {
                results.addAll(response.results());
            }
        }
        if (batches == 1) {
            call.reply(last, InvestorBulkResponse.class);
        } else {
            call.reply(call.configuration().isRawJson()
                    ? call.mapper().writeValueAsString(new InvestorBulkResponse(results))
                    : new InvestorBulkResponse(results), last.statusCode());
        }
    }

    private static ArrayNode investorsOf(ZestCall call, JsonNode body) throws Exception {
        if (body.isArray()) {
            return (ArrayNode) body;
        }
        if (body.path(INVESTORS).isArray()) {
            return (ArrayNode) body.get(INVESTORS);
        }
        throw call.reject("invalid_request",
                "bulkCreateInvestors needs a list of investors or an object with an \"investors\" list");
    }
}
