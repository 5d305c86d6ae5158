package dev.camelzest.routes.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.model.InvestorCreateRow;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Answers every row of a bulk call {@code created}, keeping nothing: for memory tests of the routes alone. */
final class CreatingZest implements Processor {

    @Override
    public void process(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<InvestorCreateRow> rows = exchange.getIn().getBody(List.class);
        List<Map<String, Object>> results = new ArrayList<>(rows.size());
        for (InvestorCreateRow row : rows) {
            results.add(Map.of("partnerInvestorId", row.partnerInvestorId(), "status", "created",
                    "zestPersonId", "psn_" + row.partnerInvestorId()));
        }
        exchange.getIn().setBody(Map.of("results", results));
    }
}
