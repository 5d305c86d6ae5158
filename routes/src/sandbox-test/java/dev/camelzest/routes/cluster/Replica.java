package dev.camelzest.routes.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.FileClaims;
import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One replica of the application, in this JVM: its own Camel context, connection pool to the shared ledger, claims
 * instance and data directory; the investor import of a shared drop directory, claiming each file first.
 */
final class Replica implements AutoCloseable {

    static final String CLAIMS = "zestFileClaims";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Ledger ledger;

    Replica(String name, Ledger ledger, Duration claimExpiry) throws Exception {
        this.ledger = ledger;
        camel.getCamelContextExtension().setName(name);
        camel.getRegistry().bind("zestLedger", ledger);
        camel.getRegistry().bind(CLAIMS, new FileClaims(ledger.dataSource(), claimExpiry, Clock.systemUTC()));
        camel.addRoutes(new InvestorImportTemplates());
        camel.start();
    }

    DefaultCamelContext camel() {
        return camel;
    }

    /** The investor import from {@code templateId} with these parameters, claiming files in the shared ledger. */
    Replica importing(String templateId, Path dataDirectory, Map<String, String> parameters) throws Exception {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, templateId)
                .routeId("investors")
                .parameter("dataDirectory", dataDirectory.toString())
                .parameter("readLockRepository", CLAIMS)
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "100")
                .parameter("redeliveryDelay", "100")
                .parameter("maximumRedeliveryDelay", "1000");
        parameters.forEach(route::parameter);
        route.add();
        return this;
    }

    @Override
    public void close() {
        camel.stop();
        ledger.close();
    }
}
