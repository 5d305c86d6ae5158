package dev.camelzest.routes.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.component.model.InvestorCreateRow;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Zest's bulkCreateInvestors semantics in memory, for route tests that do not need the HTTP API: a known
 * partnerInvestorId comes back already_exists with its person id, an email used by another id fails with
 * conflict. Can fail the next calls with a connection-level error, before or after their effect.
 */
public final class FakeZest implements Processor {

    private final Map<String, String> personByInvestor = new ConcurrentHashMap<>();
    private final Map<String, String> investorByEmail = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresBefore = new AtomicInteger();
    private final AtomicInteger failuresAfter = new AtomicInteger();
    private volatile RuntimeException refusal;

    public void failNextCalls(int count, boolean afterEffect) {
        (afterEffect ? failuresAfter : failuresBefore).set(count);
    }

    /** Every call fails with this (a stand-in for a refused credential) until cleared with null. */
    public void refuseWith(RuntimeException refusal) {
        this.refusal = refusal;
    }

    public int calls() {
        return calls.get();
    }

    public int persons() {
        return personByInvestor.size();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        calls.incrementAndGet();
        if (refusal != null) {
            throw refusal;
        }
        if (failuresBefore.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("Connection reset (before the effect)");
        }
        @SuppressWarnings("unchecked")
        List<InvestorCreateRow> rows = exchange.getIn().getBody(List.class);
        List<Map<String, Object>> results = new ArrayList<>();
        for (InvestorCreateRow row : rows) {
            results.add(create(row));
        }
        if (failuresAfter.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IOException("Connection reset (after the effect)");
        }
        exchange.getIn().setBody(Map.of("results", results));
    }

    private synchronized Map<String, Object> create(InvestorCreateRow row) {
        String id = row.partnerInvestorId();
        String email = row.email();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("partnerInvestorId", id);
        String existing = personByInvestor.get(id);
        if (existing != null) {
            result.put("status", "already_exists");
            result.put("zestPersonId", existing);
            return result;
        }
        String emailOwner = investorByEmail.get(email);
        if (emailOwner != null) {
            result.put("status", "failed");
            result.put("error", Map.of("code", "conflict", "field", "email",
                    "message", "email is already used by another investor", "retryable", false));
            return result;
        }
        String personId = "psn_" + Integer.toHexString(id.hashCode()) + personByInvestor.size();
        personByInvestor.put(id, personId);
        investorByEmail.put(email, id);
        result.put("status", "created");
        result.put("zestPersonId", personId);
        return result;
    }
}
