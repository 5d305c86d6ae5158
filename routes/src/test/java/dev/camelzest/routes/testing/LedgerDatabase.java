package dev.camelzest.routes.testing;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.junit.jupiter.api.Assumptions;

/**
 * The database a route test keeps its ledger in, for tests that run on both: the embedded H2 of the default
 * configuration, and PostgreSQL as in production, a fresh database per ledger in one throwaway cluster per test JVM
 * (started on first use, stopped when the JVM ends: starting a cluster per test class cost seconds each). Without
 * PostgreSQL server binaries the PostgreSQL runs are skipped on a developer machine and fail on CI, as the ledger
 * contract's are.
 */
public enum LedgerDatabase {

    H2 {
        @Override
        public LedgerSettings freshDatabase(Path dataDirectory) {
            return LedgerSettings.embedded(dataDirectory);
        }
    },
    POSTGRESQL {
        @Override
        public LedgerSettings freshDatabase(Path dataDirectory) {
            return Postgres.freshDatabase();
        }
    };

    /**
     * The settings of an empty database, not migrated yet: every ledger opened with them (replicas, a restart) shares
     * it. H2's is the one in {@code dataDirectory}; PostgreSQL's a new database in the JVM's cluster.
     */
    public abstract LedgerSettings freshDatabase(Path dataDirectory);

    /** A ledger on an empty database, migrated. */
    public Ledger open(Path dataDirectory) {
        return Ledger.open(freshDatabase(dataDirectory));
    }

    /** For a test of a class run on both databases that never reaches the ledger: it runs once, on H2. */
    public void skipOnPostgresql() {
        Assumptions.assumeTrue(this == H2, "nothing in this test reaches the ledger: it runs on H2 only");
    }

    private static final class Postgres {

        private static final AtomicInteger DATABASES = new AtomicInteger();
        private static PostgresCluster cluster;

        static LedgerSettings freshDatabase() {
            String url = cluster().createDatabase("ledger_" + DATABASES.incrementAndGet());
            return LedgerSettings.jdbc(url, PostgresCluster.USER, PostgresCluster.PASSWORD);
        }

        private static synchronized PostgresCluster cluster() {
            if (cluster == null) {
                cluster = PostgresCluster.startForTests();
                Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "stop-test-postgres"));
            }
            return cluster;
        }
    }
}
