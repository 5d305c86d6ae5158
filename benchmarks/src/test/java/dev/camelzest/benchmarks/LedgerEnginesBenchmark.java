package dev.camelzest.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;

import com.sun.management.OperatingSystemMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another embedded engine would save the import's ledger: the ledger's write (the {@code investors} table, one
 * 500-row INSERT and one commit per batch, ids in file order, as {@code InvestorLedger} records an import) in the
 * embedded H2 with the ledger's own settings, and in SQLite (native code, write-ahead log) with the same statements,
 * by this JVM's CPU time per row. {@code -Dstages.rows} (default 200,000) rows a round, six rounds each (the first
 * ones with a cold JIT: read the last ones for the steady state).
 */
class LedgerEnginesBenchmark {

    private static final int ROWS = Integer.getInteger("stages.rows", 200_000);
    private static final int ROUNDS = 6;
    private static final int BATCH = 500;
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final String TABLE = """
            CREATE TABLE investors (
                partner_investor_id VARCHAR(255) NOT NULL PRIMARY KEY, zest_person_id VARCHAR(255) NOT NULL,
                email VARCHAR(320), first_name VARCHAR(255), last_name VARCHAR(255), source_file VARCHAR(1024),
                created_by_file VARCHAR(64), created_at TIMESTAMP WITH TIME ZONE NOT NULL,
                updated_at TIMESTAMP WITH TIME ZONE NOT NULL)""";
    private static final String INSERT = "INSERT INTO investors (partner_investor_id, zest_person_id, email,"
            + " first_name, last_name, source_file, created_by_file, created_at, updated_at) VALUES "
            + String.join(", ", Collections.nCopies(BATCH, "(?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));

    @TempDir
    Path temp;

    @Test
    void ledgerWriteCpuPerRow() throws Exception {
        // the embedded ledger's own URL (LedgerSettings)
        record("h2", "jdbc:h2:file:" + temp.resolve("h2/zest-ledger") + ";CACHE_SIZE=8192;DB_CLOSE_ON_EXIT=FALSE",
                List.of());
        // durable at each commit against a crash of the process, as H2's is not (it writes a moment later)
        record("sqlite", "jdbc:sqlite:" + temp.resolve("zest-ledger.db"),
                List.of("PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"));
    }

    private static void record(String engine, String url, List<String> settings) throws Exception {
        try (Connection connection = DriverManager.getConnection(url)) {
            try (Statement statement = connection.createStatement()) {
                for (String setting : settings) {
                    statement.execute(setting);
                }
                statement.execute(TABLE);
            }
            connection.setAutoCommit(false);
            int row = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                long cpu = OS.getProcessCpuTime();
                for (int batch = 0; batch < ROWS / BATCH; batch++) {
                    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                        int parameter = 0;
                        for (int i = 0; i < BATCH; i++, row++) {
                            String id = "route-" + row;
                            insert.setString(++parameter, id);
                            insert.setString(++parameter, "psn_" + row);
                            insert.setString(++parameter, id + "@example.com");
                            insert.setString(++parameter, "Alice");
                            insert.setString(++parameter, "Liddell");
                            insert.setString(++parameter, "investors.csv");
                            insert.setString(++parameter, "import");
                        }
                        insert.executeUpdate();
                    }
                    connection.commit();
                }
                Figures.report(String.format("ledger engine=%s rows=%d round=%d cpu=%.2f us/row loadAverage=%.1f",
                        engine, ROWS, round, (OS.getProcessCpuTime() - cpu) / 1e3 / ROWS, Figures.loadAverage()));
            }
        }
    }
}
