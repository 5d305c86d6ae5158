package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import dev.camelzest.routes.events.WebhookEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production setting: a real PostgreSQL server, a throwaway cluster on a free loopback port. Needs the server
 * binaries (Debian's {@code postgresql} package); skipped without them on a developer machine, failed on CI.
 */
class PostgresLedgerTest extends LedgerContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = PostgresCluster.startForTests();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    Ledger openLedger() {
        return Ledger.open(LedgerSettings.jdbc(cluster.jdbcUrl(), PostgresCluster.USER, PostgresCluster.PASSWORD));
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
