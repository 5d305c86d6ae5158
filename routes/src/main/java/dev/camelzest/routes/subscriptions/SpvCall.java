package dev.camelzest.routes.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.Money;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.component.model.SubscriptionCreateRow;
import dev.camelzest.component.model.SubscriptionResult;
import dev.camelzest.routes.filedrop.Replies;
import dev.camelzest.routes.filedrop.RowStatus;
import dev.camelzest.routes.filedrop.ZestCall;

/**
 * One {@code createSubscriptions} call: the rows of a batch that go to one SPV, in file order. Its Idempotency-Key
 * is derived from its content, so the same rows sent again (the file imported again after a failure part-way) are
 * the same call to Zest.
 */
record SpvCall(String spvSlug, List<SubscriptionRow> rows) implements ZestCall<SubscriptionRowResult> {

    @Override
    public List<SubscriptionCreateRow> request() {
        return rows.stream().map(row -> new SubscriptionCreateRow(row.zestPersonId(),
                new Money(row.currency(), row.amount()), row.shareClassSlug(), row.partnerSubscriptionId())).toList();
    }

    @Override
    public Map<String, Object> headers() {
        return Map.of(ZestConstants.SPV_SLUG, spvSlug, ZestConstants.IDEMPOTENCY_KEY, idempotencyKey(request()));
    }

    private String idempotencyKey(List<SubscriptionCreateRow> body) {
        StringBuilder content = new StringBuilder("zest-subscriptions:").append(spvSlug);
        body.forEach(row -> content.append('\n').append(row));
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Zest's answer: a result per row, in the order sent. */
    @Override
    public List<SubscriptionRowResult> answered(Object reply) {
        List<SubscriptionResult> results = Replies.typed(reply, SubscriptionBulkResponse.class).results();
        List<SubscriptionRowResult> outcomes = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            SubscriptionRow row = rows.get(i);
            SubscriptionResult result = results != null && i < results.size() ? results.get(i) : null;
            outcomes.add(result == null || result.subscriptionSlug() == null
                    ? SubscriptionRowResult.problem(row, RowStatus.FAILED, row.zestPersonId(), "no_result",
                            "Zest's reply has no result for this row")
                    : new SubscriptionRowResult(row, RowStatus.CREATED, result.personId(), result.subscriptionSlug(),
                            null, null));
        }
        return outcomes;
    }

    /** Zest refused the SPV's call as a whole (unknown SPV, validation): its rows fail, the other calls go on. */
    @Override
    public List<SubscriptionRowResult> refused(ZestApiException refusal) {
        return rows.stream().map(row -> SubscriptionRowResult.problem(row, RowStatus.FAILED, row.zestPersonId(),
                refusal.getCode(), refusal.getDetail() + " (errorId " + refusal.getErrorId() + ")")).toList();
    }
}
