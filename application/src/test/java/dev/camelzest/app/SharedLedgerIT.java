package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application on a PostgreSQL ledger, the setup for several replicas: its drop directories claim each file in
 * the ledger before taking it (the claims it keeps once the file is done name the file), and the ledger records
 * which file created each person.
 */
class SharedLedgerIT {

    @TempDir
    Path workDirectory;

    @Test
    void filesAreClaimedInTheSharedLedger() throws Exception {
        Path binaries = PostgresCluster.binaries().orElse(null);
        if (binaries == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("PostgreSQL server binaries (initdb, pg_ctl) are missing: install Debian's postgresql package");
            }
            Assumptions.abort("No PostgreSQL server binaries (initdb, pg_ctl) on this machine");
        }
        try (PostgresCluster postgres = PostgresCluster.start(binaries);
                AppProcess application = AppProcess.start(workDirectory, Map.of("app.demo.enabled", "false"),
                        Map.of("APP_EMBEDDED", "zest,sftp", "ZEST_LEDGER_JDBC_URL", postgres.jdbcUrl(),
                                "ZEST_LEDGER_USERNAME", PostgresCluster.USER,
                                "ZEST_LEDGER_PASSWORD", PostgresCluster.PASSWORD))) {
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> application.management("/observe/health").statusCode() == 200);
            Path investors = Files.createDirectories(workDirectory.resolve("sftp/investors"));
            Files.writeString(investors.resolve(".claimed.tmp"),
                    "partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence\n"
                    + "claim-1,claim1@example.com,Ann,One,1980-01-01,AE\n"
                    + "claim-2,claim2@example.com,Bob,Two,1981-02-02,AE\n");
            Files.move(investors.resolve(".claimed.tmp"), investors.resolve("claimed.csv"));
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(investors.resolve("done/claimed.csv")));

            try (Connection ledger = DriverManager.getConnection(postgres.jdbcUrl(), PostgresCluster.USER,
                    PostgresCluster.PASSWORD)) {
                assertThat(column(ledger, "SELECT file_path FROM zest_file_claims"))
                        .singleElement().asString().endsWith("/investors/claimed.csv");
                assertThat(column(ledger, "SELECT created_by_file FROM investors")).as("both created by the file")
                        .hasSize(2).doesNotContainNull().allSatisfy(id -> assertThat(id).hasSize(64))
                        .containsOnly(column(ledger, "SELECT created_by_file FROM investors").get(0));
            }
        }
    }

    private static List<String> column(Connection connection, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = connection.createStatement().executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
