package dev.camelzest.routes.ledger;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Optional;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * The production setting: a real PostgreSQL server, a throwaway cluster on a free loopback port. Needs the server
 * binaries (Debian's {@code postgresql} package); skipped without them on a developer machine, failed on CI.
 */
class PostgresLedgerTest extends LedgerContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void startCluster() {
        Optional<Path> binaries = PostgresCluster.binaries();
        if (binaries.isEmpty()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("PostgreSQL server binaries (initdb, pg_ctl) are missing: install Debian's postgresql package");
            }
            Assumptions.abort("No PostgreSQL server binaries (initdb, pg_ctl) on this machine");
        }
        cluster = PostgresCluster.start(binaries.get());
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

    @AfterEach
    void emptyDatabase() throws Exception {
        try (Ledger ledger = openLedger(); Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
    }
}
