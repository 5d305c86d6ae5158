package dev.camelzest.routes.investors;

import java.util.HashMap;
import java.util.Map;

import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorRowError;
import dev.camelzest.component.model.InvestorRowResult;
import dev.camelzest.routes.filedrop.Replies;
import dev.camelzest.routes.filedrop.RowError;
import dev.camelzest.routes.filedrop.RowStatus;

/**
 * The per-row results of one {@code bulkCreateInvestors} call, keyed by partnerInvestorId, from the component's
 * typed reply ({@link Replies}).
 */
final class BulkReply {

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
        return new BulkReply(Replies.typed(body, InvestorBulkResponse.class));
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
