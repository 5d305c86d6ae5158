package dev.camelzest.routes.investors;

import java.util.List;
import java.util.Map;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.routes.filedrop.ZestCall;

/**
 * One {@code bulkCreateInvestors} call: the valid rows of a batch as {@code InvestorCreateRow}s, in file order.
 * Its Idempotency-Key is the pipeline's ({@code Call#idempotencyKey}): derived from the file and the call, so that a
 * file imported again after a crash repeats its calls and gets Zest's original answers.
 */
record InvestorCall(List<InvestorRow> rows) implements ZestCall<RowResult> {

    @Override
    public List<InvestorCreateRow> request() {
        return rows.stream().map(InvestorRow::toCreateRow).toList();
    }

    @Override
    public Map<String, Object> headers() {
        return Map.of();
    }

    @Override
    public List<RowResult> answered(Object reply) {
        BulkReply bulkReply = BulkReply.of(reply);
        return rows.stream().map(bulkReply::resultFor).toList();
    }

    /** Never called: a refused bulk call stops the file (the investor templates' flow). */
    @Override
    public List<RowResult> refused(ZestApiException refusal) {
        throw new IllegalStateException("A refused bulkCreateInvestors call stops the file", refusal);
    }
}
