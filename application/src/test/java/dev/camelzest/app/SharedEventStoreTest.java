package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.webhook.JdbcEventIdRepository;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which store the application's webhook endpoint keeps event ids in, from zest.webhook.event-store and the ledger. */
class SharedEventStoreTest {

    @TempDir
    Path temp;
    private Ledger ledger;
    private DefaultCamelContext camel;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @BeforeEach
    void embeddedLedger() {
        ledger = Ledger.open(LedgerSettings.embedded(temp));
        camel = new DefaultCamelContext();
    }

    @AfterEach
    void close() {
        camel.stop();
        ledger.close();
    }

    @Test
    void onTheEmbeddedH2TheWebhookEndpointKeepsItsOwnFile() {
        configure();

        assertThat(configuredStore()).isNull();
        assertThat(camel.getRegistry().lookupByName(SharedEventStore.BEAN)).isNull();
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void jdbcPutsTheIdsInTheLedgerWithTheConfiguredLeaseAndRetention() {
        camel.getPropertiesComponent().addInitialProperty("zest.webhook.event-store", "jdbc");
        camel.getPropertiesComponent().addInitialProperty("zest.webhook.claim-lease", "3m");
        camel.getPropertiesComponent().addInitialProperty("zest.webhook.event-id-retention", "72h");
        configure();
        camel.start();

        JdbcEventIdRepository store = (JdbcEventIdRepository) configuredStore();
        assertThat(store.getLease()).isEqualTo(Duration.ofMinutes(3));
        assertThat(store.getRetention()).isEqualTo(Duration.ofHours(72));
        assertThat(store.isStarted()).as("started with Camel").isTrue();
        assertThat(camel.getRegistry().lookupByName(SharedEventStore.BEAN)).isSameAs(store);
        assertThat(store.add("wde_1")).isTrue();
        assertThat(store.add("wde_1")).as("claimed in the ledger's table").isFalse();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("webhook event ids shared in the ledger");

        camel.stop();
        assertThat(store.isStopped()).as("stopped with Camel, before the ledger closes").isTrue();
    }

    @Test
    void anUnknownStoreIsRefusedNamingTheProperty() {
        camel.getPropertiesComponent().addInitialProperty("zest.webhook.event-store", "redis");

        assertThatThrownBy(this::configure).hasMessage("zest.webhook.event-store=redis is not one of file, jdbc");
    }

    private void configure() {
        SharedEventStore.configure(camel, new AppProperties(camel.getPropertiesComponent()), ledger,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private IdempotentRepository configuredStore() {
        return camel.getComponent("zest", ZestComponent.class).getConfiguration().getIdempotentRepository();
    }
}
