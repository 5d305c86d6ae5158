package dev.camelzest.routes.testing;

import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/** A started Camel context with route templates and the ledger they use (the registry's {@code zestLedger}). */
public final class TemplateCamel {

    private TemplateCamel() {
    }

    public static DefaultCamelContext start(Ledger ledger, RoutesBuilder... templates) throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        for (RoutesBuilder routes : templates) {
            camel.addRoutes(routes);
        }
        camel.start();
        return camel;
    }
}
