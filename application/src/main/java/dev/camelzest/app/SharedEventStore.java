package dev.camelzest.app;

import java.io.PrintStream;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.webhook.JdbcEventIdRepository;
import dev.camelzest.routes.events.WebhookEventStore;
import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.CamelContext;
import org.apache.camel.RuntimeCamelException;

/**
 * Puts the webhook event ids in the ledger's database when {@link WebhookEventStore} says so (PostgreSQL, or
 * {@value WebhookEventStore#STORE}=jdbc): the zest component's default store for its webhook endpoints, started and
 * stopped with Camel, before the ledger closes. Otherwise the webhook endpoint keeps its own file, as on one node.
 */
final class SharedEventStore {

    /** The bean name of the shared store, for a route of the partner's own: {@code idempotentRepository=#zestEventIds}. */
    static final String BEAN = "zestEventIds";

    private SharedEventStore() {
    }

    static void configure(CamelContext camelContext, AppProperties app, Ledger ledger, PrintStream console) {
        WebhookEventStore.choose(app::get, ledger.dataSource()).ifPresent(store -> {
            use(camelContext, store);
            console.println("camel-zest: webhook event ids shared in the ledger (" + JdbcEventIdRepository.TABLE
                    + "; claims lease " + store.getLease() + ", ids kept " + store.getRetention() + ")");
        });
    }

    private static void use(CamelContext camelContext, JdbcEventIdRepository store) {
        try {
            camelContext.addService(store);
        } catch (Exception e) {
            throw RuntimeCamelException.wrapRuntimeException(e);
        }
        camelContext.getRegistry().bind(BEAN, store);
        camelContext.getComponent("zest", ZestComponent.class).getConfiguration().setIdempotentRepository(store);
    }
}
