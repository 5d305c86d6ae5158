package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the packaged application half-way through a large investor file (the demo's embedded parts, the ledger
 * on H2): the import stops between two batches, records the ones sent, writes a summary saying it stopped, and
 * leaves the file for the next run; the ledger closes after Camel, so nothing fails on a closed database.
 */
class StopDuringImportIT {

    private static final int ROWS = 100_000;

    @TempDir
    Path workDirectory;

    @Test
    void sigtermHalfWayThroughAnImport() throws Exception {
        try (AppProcess application = AppProcess.start(workDirectory, Map.of("app.demo.enabled", "false"),
                Map.of())) {
            await().atMost(Duration.ofSeconds(120)).ignoreExceptions()
                    .until(() -> application.management("/observe/health").statusCode() == 200);
            Path investors = workDirectory.resolve("sftp/investors");
            dropLargeFile(investors);
            await().atMost(Duration.ofSeconds(120)).until(() -> application.output().contains("big.csv: importing"));

            application.process.destroy(); // SIGTERM
            assertThat(application.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();

            String output = application.output();
            assertThat(output).as("the stop names the import in flight and how far it was")
                    .containsPattern("camel-zest is stopping \\(30 s at most for what is in flight\\): "
                            + "zest-investors: \\d+ exchanges? \\(big\\.csv: \\d+ of 100000 rows read, \\d+ sent\\)");
            assertThat(output).doesNotContain("Database is already closed").doesNotContain("LedgerException")
                    .doesNotContain(" ERROR ");
            assertThat(investors.resolve("big.csv")).as("left for the next run").exists();
            String summary = Files.readString(investors.resolve("results/big.summary.json"));
            assertThat(summary).contains("\"outcome\" : \"stopped\"").contains("is stopping");
            Matcher created = Pattern.compile("\"created\" : (\\d+)").matcher(summary);
            assertThat(created.find()).isTrue();
            long reported = Long.parseLong(created.group(1));
            assertThat(reported).as("stopped part-way").isLessThan(ROWS);
            try (Connection ledger = DriverManager.getConnection(
                    "jdbc:h2:file:" + workDirectory.resolve("data/ledger/zest-ledger"))) {
                assertThat(count(ledger, "SELECT COUNT(*) FROM investors"))
                        .as(() -> "every batch sent is recorded, and reported; ledger by source file: "
                                + bySourceFile(ledger) + "; the import's lines:\n" + importLines(output))
                        .isEqualTo(reported);
            }
        }
    }

    private static long count(Connection ledger, String query) throws SQLException {
        try (ResultSet count = ledger.createStatement().executeQuery(query)) {
            count.next();
            return count.getLong(1);
        }
    }

    /** Rows the import recorded name their file; those only the investor.created webhook recorded, the webhook. */
    private static String bySourceFile(Connection ledger) {
        StringBuilder counts = new StringBuilder();
        try (ResultSet rows = ledger.createStatement().executeQuery(
                "SELECT source_file, COUNT(*) FROM investors GROUP BY source_file")) {
            while (rows.next()) {
                counts.append(rows.getString(1)).append('=').append(rows.getLong(2)).append(' ');
            }
        } catch (SQLException e) {
            counts.append(e.getMessage());
        }
        return counts.toString();
    }

    private static String importLines(String output) {
        return output.lines().filter(line -> line.contains("big.csv") || line.contains(" WARN ")
                || line.contains("filedrop")).collect(Collectors.joining("\n"));
    }

    private static void dropLargeFile(Path investors) throws Exception {
        Files.createDirectories(investors);
        Path aside = investors.resolve(".big.csv.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(aside)) {
            out.write("partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence\n");
            for (int n = 1; n <= ROWS; n++) {
                out.write("stop-" + n + ",stop" + n + "@example.com,Ann,Stop" + n + ",1980-01-"
                        + String.format("%02d", 1 + n % 28) + ",AE\n");
            }
        }
        Files.move(aside, investors.resolve("big.csv"));
    }
}
