package dev.camelzest.routes.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import org.junit.jupiter.api.Assumptions;

/** A throwaway PostgreSQL cluster on loopback for the tests of a shared ledger. */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** Started when the server binaries are installed; null otherwise. */
    public static PostgresCluster startIfInstalled() {
        return PostgresCluster.binaries().map(PostgresCluster::start).orElse(null);
    }

    /** The cluster, for a test that needs it: without server binaries skipped on a developer machine, failed on CI. */
    public static PostgresCluster required(PostgresCluster cluster) {
        if (cluster == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("PostgreSQL server binaries (initdb, pg_ctl) are missing: install Debian's postgresql package");
            }
            Assumptions.abort("No PostgreSQL server binaries (initdb, pg_ctl) on this machine");
        }
        return cluster;
    }

    /** An empty schema: the next ledger opened migrates it afresh. */
    public static void empty(PostgresCluster cluster) {
        try (Connection connection = DriverManager.getConnection(cluster.jdbcUrl(), PostgresCluster.USER,
                PostgresCluster.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void stop(PostgresCluster cluster) {
        if (cluster != null) {
            cluster.close();
        }
    }
}
