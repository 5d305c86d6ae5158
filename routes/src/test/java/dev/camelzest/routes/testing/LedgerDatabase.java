package dev.camelzest.routes.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a route test keeps its ledger in, for tests that run on both: the embedded H2 of the default
 * configuration, and PostgreSQL as in production, a fresh database per ledger in one throwaway cluster per test JVM
 * (started on first use, stopped when the JVM ends). Without PostgreSQL server binaries the PostgreSQL runs are
 * skipped on a developer machine and fail on CI, as the ledger contract's are.
 */
public enum LedgerDatabase {

    H2 {
        @Override
        public Ledger open(Path dataDirectory) {
            return Ledger.open(LedgerSettings.embedded(dataDirectory));
        }
    },
    POSTGRESQL {
        @Override
        public Ledger open(Path dataDirectory) {
            return Postgres.freshLedger();
        }
    };

    /** A ledger on an empty database, migrated. */
    public abstract Ledger open(Path dataDirectory);

    private static final class Postgres {

        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static PostgresCluster cluster;

        static Ledger freshLedger() {
            PostgresCluster running = cluster();
            String database = "ledger_" + DATABASES.incrementAndGet();
            try (Connection connection = DriverManager.getConnection(running.jdbcUrl(), PostgresCluster.USER,
                    PostgresCluster.PASSWORD); Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the database " + database, e);
            }
            String url = running.jdbcUrl().substring(0, running.jdbcUrl().lastIndexOf('/') + 1) + database;
            return Ledger.open(LedgerSettings.jdbc(url, PostgresCluster.USER, PostgresCluster.PASSWORD));
        }

        private static synchronized PostgresCluster cluster() {
            if (cluster == null) {
                Path binaries = PostgresCluster.binaries().orElse(null);
                if (binaries == null) {
                    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                        throw new IllegalStateException("PostgreSQL server binaries (initdb, pg_ctl) are missing: "
                                + "install Debian's postgresql package");
                    }
                    Assumptions.abort("No PostgreSQL server binaries (initdb, pg_ctl) on this machine");
                }
                cluster = PostgresCluster.start(binaries);
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgres"));
            }
            return cluster;
        }
    }
}
