package dev.camelzest.routes.investors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorRowError;
import dev.camelzest.component.model.InvestorRowResult;

/**
 * The per-row results of one {@code bulkCreateInvestors} call, keyed by partnerInvestorId. Takes the component's
 * typed reply as it is; a reply as JSON text, a {@code Map} or another record (a route with {@code rawJson}, a
 * test double) is read into that type first.
 */
final class BulkReply {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final RowError NO_RESULT = new RowError("missing_result", null,
            "Zest returned no result for this row", true);

    private final Map<String, InvestorRowResult> resultsById = new HashMap<>();

    private BulkReply(InvestorBulkResponse reply) {
        if (reply == null || reply.results() == null) {
            throw new IllegalStateException("The bulkCreateInvestors reply has no results array");
        }
        for (InvestorRowResult result : reply.results()) {
            // Zest keys results by partnerInvestorId; a replayed id may appear twice, the first result stands
            resultsById.putIfAbsent(result.partnerInvestorId(), result);
        }
    }

    static BulkReply of(Object body) {
        return new BulkReply(typed(body));
    }

    private static InvestorBulkResponse typed(Object body) {
        try {
            if (body instanceof InvestorBulkResponse reply) {
                return reply;
            }
            if (body instanceof String text) {
                return MAPPER.readValue(text, InvestorBulkResponse.class);
            }
            if (body instanceof byte[] bytes) {
                return MAPPER.readValue(bytes, InvestorBulkResponse.class);
            }
            if (body instanceof InputStream in) {
                return MAPPER.readValue(in, InvestorBulkResponse.class);
            }
            return MAPPER.convertValue(body, InvestorBulkResponse.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The bulkCreateInvestors reply is not JSON", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The bulkCreateInvestors reply is not a list of results", e);
        }
    }

    RowResult resultFor(InvestorRow row) {
        InvestorRowResult result = resultsById.get(row.partnerInvestorId());
        if (result == null) {
            return new RowResult(row.rowNumber(), row.partnerInvestorId(), RowStatus.FAILED, null, NO_RESULT);
        }
        RowStatus status = RowStatus.fromZest(result.status());
        InvestorRowError error = result.error();
        RowError rowError = error == null ? null
                : new RowError(error.code(), error.field(), error.message(), Boolean.TRUE.equals(error.retryable()));
        if (status == RowStatus.FAILED && rowError == null) {
            rowError = new RowError("unexpected_status", null,
                    "Zest answered status '" + result.status() + "' without an error", false);
        }
        return new RowResult(row.rowNumber(), row.partnerInvestorId(), status, result.zestPersonId(), rowError);
    }
}
