package dev.camelzest.component.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
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
        List<?> investors = investorsOf(call);
        int batchSize = call.configuration().getMaxBatchSize();
        int batches = Math.max(1, (investors.size() + batchSize - 1) / batchSize);
        String baseKey = call.idempotencyKey();
        List<InvestorRowResult> results = new ArrayList<>(investors.size());
        ZestResponse last = null;
        InvestorBulkResponse response = null;
        for (int batch = 0; batch < batches; batch++) {
            List<?> rows = investors.subList(batch * batchSize, Math.min(investors.size(), (batch + 1) * batchSize));
            last = call.send(ZestRequest.post(PATH)
                    .authenticated(true)
                    .idempotencyKey(batches == 1 ? baseKey : baseKey + "-" + (batch + 1))
                    .entity(new ByteArrayEntity(call.toJsonBytes(Map.of(INVESTORS, rows)), ContentType.APPLICATION_JSON))
                    .build());
            response = call.read(last.body(), InvestorBulkResponse.class);
            if (response != null && response.results() != null) {
                results.addAll(response.results());
            }
        }
        boolean rawJson = call.configuration().isRawJson();
        if (batches == 1) {
            call.reply(rawJson ? last.bodyAsString() : response, last.statusCode());
        } else {
            InvestorBulkResponse merged = new InvestorBulkResponse(results);
            call.reply(rawJson ? call.mapper().writeValueAsString(merged) : merged, last.statusCode());
        }
    }

    /**
     * A List body is sent as it is; anything else is read as JSON: a list, an object with an investors list, or JSON
     * Lines (one investor object per line).
     */
    private static List<?> investorsOf(ZestCall call) throws Exception {
        if (call.message().getBody() instanceof List<?> list) {
            return list;
        }
        List<JsonNode> values = call.jsonBodyValues();
        if (values.size() > 1) {
            if (values.stream().allMatch(JsonNode::isObject)) {
                return values;
            }
            throw call.reject("invalid_request", "bulkCreateInvestors reads JSON Lines of investor objects only");
        }
        JsonNode body = values.get(0);
        JsonNode investors = body.isArray() ? body : body.path(INVESTORS);
        if (!investors.isArray()) {
            throw call.reject("invalid_request", "bulkCreateInvestors needs a list of investors, an object with an"
                                                 + " \"investors\" list, or JSON Lines of investors");
        }
        List<JsonNode> rows = new ArrayList<>(investors.size());
        investors.forEach(rows::add);
        return rows;
    }
}
