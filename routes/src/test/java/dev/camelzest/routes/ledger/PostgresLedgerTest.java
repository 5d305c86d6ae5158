package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import dev.camelzest.routes.events.WebhookEventStore;
import dev.camelzest.routes.testing.LedgerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production setting: a real PostgreSQL server, the test JVM's throwaway cluster on a free loopback port, one
 * database emptied after each test. Needs the server binaries (Debian's {@code postgresql} package); skipped without
 * them on a developer machine, failed on CI.
 */
class PostgresLedgerTest extends LedgerContract {

    private static LedgerSettings database;

    @BeforeAll
    static void createDatabase() {
        database = LedgerDatabase.POSTGRESQL.freshDatabase(null);
    }

    @Override
    Ledger openLedger() {
        return Ledger.open(database);
    }

    /** PostgreSQL is the ledger several replicas share: their webhook event ids go there too, unless told otherwise. */
    @Test
    void onPostgresTheWebhookEventIdsAreSharedInTheLedgerByDefault() {
        try (Ledger ledger = openLedger()) {
            assertThat(WebhookEventStore.choose(property -> Optional.empty(), ledger.dataSource())).isPresent();
            assertThat(WebhookEventStore.choose(property -> Optional.of("file"), ledger.dataSource())).isEmpty();
        }
    }

    @AfterEach
    void emptyDatabase() throws Exception {
        try (Ledger ledger = openLedger(); Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
