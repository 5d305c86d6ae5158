package dev.camelzest.routes.cluster;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import org.junit.jupiter.api.Assumptions;

/** The shared ledger of the replicas: a throwaway PostgreSQL cluster on loopback. */
final class Postgres {

    private Postgres() {
    }

    /** Started; without server binaries the test is skipped on a developer machine and failed on CI. */
    static PostgresCluster start() {
        return PostgresCluster.binaries().map(PostgresCluster::start).orElseGet(() -> {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("PostgreSQL server binaries (initdb, pg_ctl) are missing: install Debian's postgresql package");
            }
            Assumptions.abort("No PostgreSQL server binaries (initdb, pg_ctl) on this machine");
            return null;
        });
    }

    /** An empty schema: the next ledger opened migrates it afresh. */
    static void empty(PostgresCluster postgres) {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), PostgresCluster.USER,
                PostgresCluster.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
