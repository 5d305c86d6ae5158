package dev.camelzest.routes.testing;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A started Camel context with the investor import templates, a ledger and {@code direct:zest} answering. */
public final class ImportCamel {

    private ImportCamel() {
    }

    public static DefaultCamelContext start(Ledger ledger, Processor zest) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new InvestorImportTemplates());
        camel.addRoutes(zestRoute(zest));
        camel.start();
        return camel;
    }

    /** {@code direct:zest} as an endpoint would behave: its failures reach the caller's error handler. */
    public static RouteBuilder zestRoute(Processor zest) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").errorHandler(noErrorHandler()).process(zest);
            }
        };
    }
}
