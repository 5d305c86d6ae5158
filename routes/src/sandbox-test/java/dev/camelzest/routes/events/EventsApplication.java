package dev.camelzest.routes.events;

import java.nio.file.Path;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.ZestWebhookEndpoint;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The partner's application in the webhook tests: the webhook consumer and the events template (route id
 * {@value #ROUTE_ID}), over a ledger in the data directory. Started again on the same port and data directory, it is
 * the application after a restart.
 */
record EventsApplication(DefaultCamelContext camel, Ledger ledger, ZestWebhookEndpoint webhook) {

    static final String ROUTE_ID = "events";

    /** On a free port when {@code port} is 0; {@code target} is the URI every event is delivered to. */
    static EventsApplication start(Path data, String target, int port) throws Exception {
        Ledger ledger = Ledger.open(LedgerSettings.embedded(data.resolve("data")));
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        ZestWebhookEndpoint webhook = port == 0
                ? ZestWebhookEndpoint.prepare(camel, data.resolve("webhook"))
                : ZestWebhookEndpoint.prepare(camel, data.resolve("webhook"), port);
        camel.addRoutes(new PartnerEventTemplates());
        camel.start();
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .routeId(ROUTE_ID)
                .parameter("source", webhook.sourceUri())
                .parameter("defaultTarget", target)
                .parameter("deadLetterDirectory", data.resolve("dead-letter").toString())
                .add();
        return new EventsApplication(camel, ledger, webhook);
    }

    void stop() {
        camel.stop();
        ledger.close();
    }
}
