package dev.camelzest.routes.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.component.model.SubscriptionCreateRow;
import dev.camelzest.component.model.SubscriptionResult;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Zest's createSubscriptions in memory, for route tests while no sandbox serves it: a pending subscription per row,
 * 404 {@code not_found} for an SPV it does not know. Records each call's SPV and Idempotency-Key.
 */
public final class FakeSubscriptionsZest implements Processor {

    /** One call: the SPV, the Idempotency-Key and the rows. */
    public record Call(String spvSlug, String idempotencyKey, List<SubscriptionCreateRow> rows) {
    }

    private final Set<String> spvs;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger slugs = new AtomicInteger();

    public FakeSubscriptionsZest(Set<String> spvs) {
        this.spvs = spvs;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) throws Exception {
        String spvSlug = exchange.getMessage().getHeader(ZestConstants.SPV_SLUG, String.class);
        List<SubscriptionCreateRow> rows = exchange.getMessage().getBody(List.class);
        calls.add(new Call(spvSlug, exchange.getMessage().getHeader(ZestConstants.IDEMPOTENCY_KEY, String.class),
                rows));
        if (!spvs.contains(spvSlug)) {
            throw new ZestApiException("createSubscriptions", 404, "not_found", "err-1", "SPV not found", List.of(),
                    false, null);
        }
        List<SubscriptionResult> results = new ArrayList<>();
        for (SubscriptionCreateRow row : rows) {
            results.add(new SubscriptionResult("sub_" + slugs.incrementAndGet(), spvSlug, row.zestPersonId(),
                    "pending", row.lumpSum(), row.shareClassSlug(), row.partnerSubscriptionId()));
        }
        exchange.getMessage().setBody(new SubscriptionBulkResponse(results));
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
