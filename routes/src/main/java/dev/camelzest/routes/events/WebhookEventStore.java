package dev.camelzest.routes.events;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.sql.DataSource;

import dev.camelzest.component.webhook.JdbcEventIdRepository;
import dev.camelzest.routes.ledger.LedgerException;
import dev.camelzest.routes.support.TemplateSupport;

/**
 * Where the webhook consumer keeps the ids of the events it routed, from the property {@value #STORE}: {@code file},
 * the endpoint's own file in its data directory (one instance), or {@code jdbc}, a {@link JdbcEventIdRepository} on
 * the ledger's database that every instance sharing the ledger shares, claims included. Unset, the ledger decides:
 * {@code jdbc} on PostgreSQL, the database several replicas share, {@code file} on the embedded H2, a single node.
 */
public final class WebhookEventStore {

    public static final String STORE = "zest.webhook.event-store";
    /** How long an unconfirmed claim holds an event before another delivery takes it over; default 5 minutes. */
    public static final String CLAIM_LEASE = "zest.webhook.claim-lease";
    /** How long routed event ids are kept (at least 24 h); default 48 h. */
    public static final String RETENTION = "zest.webhook.event-id-retention";
    /** The processor name of the application's one webhook endpoint in the shared table. */
    public static final String PROCESSOR_NAME = "zest-webhooks";

    private WebhookEventStore() {
    }

    /**
     * The shared store when the configuration or the ledger asks for it, not started; empty for the file store (the
     * endpoint's default, nothing to set). {@code properties} answers a property's value, when set.
     */
    public static Optional<JdbcEventIdRepository> choose(Function<String, Optional<String>> properties,
                                                        DataSource ledger) {
        String store = properties.apply(STORE).map(value -> value.strip().toLowerCase(Locale.ROOT))
                .orElseGet(() -> isPostgres(ledger) ? "jdbc" : "file");
        switch (store) {
            case "file":
                return Optional.empty();
            case "jdbc":
                JdbcEventIdRepository shared = new JdbcEventIdRepository(ledger, PROCESSOR_NAME);
                properties.apply(CLAIM_LEASE).map(TemplateSupport::duration).ifPresent(shared::setLease);
                properties.apply(RETENTION).map(TemplateSupport::duration).ifPresent(shared::setRetention);
                return Optional.of(shared);
            default:
                throw new IllegalArgumentException(STORE + "=" + store + " is not one of file, jdbc");
        }
    }

    private static boolean isPostgres(DataSource ledger) {
        try (Connection connection = ledger.getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new LedgerException("Cannot tell which database the ledger is in", e);
        }
    }
}
