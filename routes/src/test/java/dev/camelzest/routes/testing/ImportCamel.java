package dev.camelzest.routes.testing;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.impl.DefaultCamelContext;

/** A started Camel context with the investor import templates and a ledger. */
public final class ImportCamel {

    private ImportCamel() {
    }

    public static DefaultCamelContext start(Ledger ledger) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new InvestorImportTemplates());
        camel.start();
        return camel;
    }
}
