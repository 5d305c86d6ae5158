package dev.camelzest.routes.investors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The per-row results of one {@code bulkCreateInvestors} call, keyed by partnerInvestorId. Accepts the reply as the
 * component's typed response, a {@code Map} or JSON text, so the route does not depend on one shape.
 */
final class BulkReply {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RowError NO_RESULT = new RowError("missing_result", null,
            "Zest returned no result for this row", true);

    private final Map<String, JsonNode> resultsById = new HashMap<>();

    private BulkReply(JsonNode reply) {
        JsonNode results = reply == null ? null : reply.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalStateException("The bulkCreateInvestors reply has no results array");
        }
        for (JsonNode result : results) {
            // Zest keys results by partnerInvestorId; a replayed id may appear twice, the first result stands
            resultsById.putIfAbsent(result.path("partnerInvestorId").asText(), result);
        }
    }

    static BulkReply of(Object body) {
        return new BulkReply(toTree(body));
    }

    private static JsonNode toTree(Object body) {
        try {
            if (body instanceof String text) {
                return MAPPER.readTree(text);
            }
            if (body instanceof byte[] bytes) {
                return MAPPER.readTree(bytes);
            }
            if (body instanceof InputStream in) {
                return MAPPER.readTree(in);
            }
            return MAPPER.valueToTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("The bulkCreateInvestors reply is not JSON", e);
        }
    }

    RowResult resultFor(InvestorRow row) {
        JsonNode result = resultsById.get(row.partnerInvestorId());
        if (result == null) {
            return new RowResult(row.rowNumber(), row.partnerInvestorId(), RowStatus.FAILED, null, NO_RESULT);
        }
        RowStatus status = RowStatus.fromZest(result.path("status").asText());
        String personId = text(result.get("zestPersonId"));
        JsonNode error = result.get("error");
        RowError rowError = error == null || error.isNull() ? null
                : new RowError(text(error.get("code")), text(error.get("field")), text(error.get("message")),
                        error.path("retryable").asBoolean(false));
        if (status == RowStatus.FAILED && rowError == null) {
            rowError = new RowError("unexpected_status", null,
                    "Zest answered status '" + result.path("status").asText() + "' without an error", false);
        }
        return new RowResult(row.rowNumber(), row.partnerInvestorId(), status, personId, rowError);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
