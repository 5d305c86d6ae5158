package dev.camelzest.routes.cluster;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.sql.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.WarningLog;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Camel stops part-way through an import (what SIGTERM does to the application) and starts again: the stop waits
 * for the calls open, records every batch Zest answered (the ledger and the stopped summary count exactly the rows
 * of the calls sent) and writes a summary saying the import stopped, without an ERROR; the file stays in place; the
 * next run finishes it and reports every row created, the rows the first run created included, one person each.
 */
class GracefulStopTest {

    private static final int ROWS = 4000;
    private static final int BATCH = 50;
    private static final long ANSWER_DELAY_MS = 50;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(LedgerDatabase.class)
    void stoppedPartWayThenStartedAgain(LedgerDatabase database) throws Exception {
        SANDBOX.admin().reset();
        LedgerSettings ledger = database.freshDatabase(temp.resolve("ledger"));
        Path inbox = temp.resolve("inbox");
        Map<String, String> parameters = Map.of("directory", inbox.toString(),
                "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")),
                "batchSize", String.valueOf(BATCH));
        InvestorFiles.drop(inbox, "big.csv", cleanCsv(1, ROWS));
        // each answer held back (Zest acts at once): at the stop, several of the four calls in flight are still open
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 0, ROWS / BATCH, ANSWER_DELAY_MS, false);

        try (WarningLog log = WarningLog.open()) {
            Replica first = new Replica("first", Ledger.open(ledger), Duration.ofSeconds(30))
                    .importing(InvestorImportTemplates.FILE, temp.resolve("data"), parameters);
            await().atMost(Duration.ofSeconds(60)).until(() -> SandboxZest.bulkCalls(SANDBOX).size() >= 10);
            first.close();

            assertThat(inbox.resolve("big.csv")).as("left in place for the next run").exists();
            String stopped = Files.readString(inbox.resolve("results/big.summary.json"));
            assertThat(stopped).contains("\"outcome\" : \"stopped\"").contains("is stopping");
            assertThat(log.lines()).as("a stop is no error").noneMatch(line -> line.startsWith("ERROR"));
            int sentBeforeStop = SandboxZest.bulkCalls(SANDBOX).size();
            assertThat(sentBeforeStop).as("stopped part-way").isLessThan(ROWS / BATCH);
            long created = createdIn(stopped);
            assertThat(created).as("every call sent was answered before the stop ended, and counted")
                    .isEqualTo((long) sentBeforeStop * BATCH);
            try (Ledger recorded = Ledger.open(ledger)) {
                assertThat(recorded.investors().count()).as("and recorded").isEqualTo(created);
            }
            SANDBOX.admin().clearFaults();

            Replica second = new Replica("second", Ledger.open(ledger), Duration.ofSeconds(30))
                    .importing(InvestorImportTemplates.FILE, temp.resolve("data"), parameters);
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> Files.exists(inbox.resolve("done/big.csv")));
            } finally {
                second.close();
            }
            assertThat(log.lines()).noneMatch(line -> line.startsWith("ERROR"));
        }

        List<CSVRecord> results = readResults(inbox.resolve("results/big.results.csv"));
        assertThat(results).hasSize(ROWS);
        assertThat(results).extracting(r -> r.get("status")).as("the rows the stopped run created too")
                .containsOnly("created");
        assertThat(results).extracting(r -> r.get("zestPersonId")).doesNotHaveDuplicates();
        try (Stream<Path> files = Files.list(inbox.resolve("results"))) {
            Path completed = files.filter(p -> p.getFileName().toString().matches("big\\.\\d{8}T\\d{6}Z\\.summary\\.json"))
                    .findFirst().orElseThrow();
            assertThat(Files.readString(completed)).contains("\"outcome\" : \"completed\"")
                    .contains("\"created\" : " + ROWS);
        }
        assertThat(Files.readString(inbox.resolve("results/big.summary.json"))).as("the stopped run's summary kept")
                .contains("\"outcome\" : \"stopped\"");
    }

    /**
     * A batch answered around the stop whose recording fails while the stop waits for the calls open (the ledger
     * refuses new rows from the moment Camel starts stopping): the stop says so, at ERROR and in the summary, rather
     * than counting fewer rows than Zest created without a word. One call at a time, each answer held back 500 ms.
     */
    @Test
    void aRecordingThatFailsDuringTheStopIsReported() throws Exception {
        SANDBOX.admin().reset();
        LedgerSettings ledger = LedgerDatabase.H2.freshDatabase(temp.resolve("ledger"));
        Path inbox = temp.resolve("inbox");
        Map<String, String> parameters = Map.of("directory", inbox.toString(),
                "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")),
                "batchSize", String.valueOf(BATCH), "maxBatchesInFlight", "1");
        InvestorFiles.drop(inbox, "big.csv", cleanCsv(1, ROWS));
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 0, ROWS / BATCH, 500, false);

        try (WarningLog log = WarningLog.open(); Ledger refusing = Ledger.open(ledger)) {
            Replica replica = new Replica("refused", Ledger.open(ledger), Duration.ofSeconds(30))
                    .importing(InvestorImportTemplates.FILE, temp.resolve("data"), parameters);
            await().atMost(Duration.ofSeconds(60)).until(() -> SandboxZest.bulkCalls(SANDBOX).size() >= 1);
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(replica::close);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
                    .until(() -> replica.camel().isStopping() || stopping.isDone());
            try (Connection connection = refusing.dataSource().getConnection()) {
                connection.createStatement().execute("ALTER TABLE investors ADD CONSTRAINT refused_by_this_test"
                        + " CHECK (created_at < TIMESTAMP WITH TIME ZONE '" + OffsetDateTime.now() + "')");
            }
            stopping.get(60, TimeUnit.SECONDS);

            String stopped = Files.readString(inbox.resolve("results/big.summary.json"));
            assertThat(stopped).contains("\"outcome\" : \"stopped\"").contains("is stopping")
                    .contains("recording the batches answered before the end failed");
            assertThat(log.lines()).anyMatch(line -> line.startsWith("ERROR")
                    && line.contains("recording the batches answered before the end failed"));
            assertThat(inbox.resolve("big.csv")).as("left for the next run").exists();
        } finally {
            SANDBOX.admin().clearFaults();
        }
    }

    private static long createdIn(String summary) {
        Matcher created = Pattern.compile("\"created\" : (\\d+)").matcher(summary);
        assertThat(created.find()).as("a created count in " + summary).isTrue();
        return Long.parseLong(created.group(1));
    }
}
