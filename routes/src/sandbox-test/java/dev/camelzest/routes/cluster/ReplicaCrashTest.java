package dev.camelzest.routes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.ForkedJvm;
import dev.camelzest.routes.testing.ImportProcess;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crashes between a file's import and its move. A replica (its own JVM) is killed with SIGKILL part-way through a file it claimed; another replica, on the same
 * SFTP directory and PostgreSQL ledger, takes the file once the dead one's claim expired and finishes it: one person
 * per row, every row the dead replica recorded reported created, the results complete, the input moved once.
 */
class ReplicaCrashTest {

    private static final int ROWS = 3000;
    private static final int BATCH = 50;
    private static final Duration CLAIM_EXPIRY = Duration.ofSeconds(3);
    private static final int SMALL_ROWS = 150;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    /** The shared ledger of this test's replicas: a fresh database in the JVM's one PostgreSQL cluster. */
    private LedgerSettings sharedLedger;

    @Test
    void aKilledReplicasFileIsFinishedByAnother() throws Exception {
        try (EmbeddedSftpServer sftp = freshSandboxAndSftp()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            InvestorFiles.drop(inbox, "crash.csv", InvestorFiles.cleanCsv(1, ROWS));
            Map<String, String> sftpParameters = sftpParameters(sftp);
            List<String> arguments = forkedArguments(sftpParameters, true);

            Process dead = ForkedJvm.start(ImportProcess.class, "256m", temp.resolve("dead.log"), arguments);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> SandboxZest.bulkCalls(SANDBOX).size() >= ROWS / BATCH / 3 || !dead.isAlive());
            } finally {
                dead.destroyForcibly().waitFor();
            }
            Instant killedAt = Instant.now();
            assertThat(inbox.resolve("crash.csv")).as("killed part-way").exists();

            takeOver(true, sftpParameters, inbox.resolve("done/crash.csv"));
            assertThat(Duration.between(killedAt, Instant.now())).as("taken over soon after the claim expired")
                    .isLessThan(Duration.ofSeconds(90));

            List<CSVRecord> results = InvestorFiles.readResults(inbox.resolve("results/crash.results.csv"));
            assertThat(results).hasSize(ROWS);
            Map<String, Long> byStatus = results.stream()
                    .collect(Collectors.groupingBy(r -> r.get("status"), Collectors.counting()));
            // every row was created by this file: the rows the dead replica recorded (the ledger knows their file), and
            // those of the calls it made but had not recorded (the same calls again, answered from Zest's cache)
            assertThat(byStatus).containsOnlyKeys("created");
            assertThat(results).extracting(r -> r.get("zestPersonId")).doesNotContain("").doesNotHaveDuplicates();
            assertThat(SANDBOX.sandbox().context().state().persons().size()).as("one person per row")
                    .isEqualTo(ROWS);
            assertThat(inbox.resolve("done/crash.csv")).content().hasLineCount(ROWS + 1);
            try (var done = Files.list(inbox.resolve("done"))) {
                assertThat(done).as("moved once").hasSize(1);
            }
        }
    }

    /**
     * Killed right after publishing a file's last output, its summary, before moving the input: the file's completion
     * was recorded before anything was published, so the replica that takes it over (PostgreSQL, claims) or the one
     * node started again (H2) finds every output there, sends nothing and only moves the input: one results file.
     */
    @ParameterizedTest(name = "shared PostgreSQL ledger: {0}")
    @ValueSource(booleans = {true, false})
    void killedAfterPublishingIsMovedWithoutAnotherImport(boolean shared) throws Exception {
        Path inbox = killedAfterWriting(shared, "published.summary.json", calls -> assertThat(calls)
                .as("nothing sent again").isZero());
        assertThat(inbox.resolve("results")).isDirectoryContaining("glob:**/published.summary.json");
    }

    /**
     * Killed between publishing the results and the errors file: the file is imported again (the same calls, answered
     * from Zest's cache) and only the outputs missing are written, under the names recorded; the results file is not
     * written a second time.
     */
    @Test
    void killedWhilePublishingWritesOnlyTheMissingOutputs() throws Exception {
        killedAfterWriting(true, "published.results.csv", calls -> assertThat(calls).as("the same calls again")
                .isEqualTo(SMALL_ROWS / BATCH));
    }

    private Path killedAfterWriting(boolean shared, String lastWritten,
            IntConsumer callsAfterTheKill) throws Exception {
        try (EmbeddedSftpServer sftp = freshSandboxAndSftp()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            InvestorFiles.drop(inbox, "published.csv", InvestorFiles.cleanCsv(1, SMALL_ROWS));
            Map<String, String> sftpParameters = sftpParameters(sftp);
            List<String> arguments = forkedArguments(sftpParameters, shared);
            arguments.add("haltAfterWriting=" + lastWritten);

            Process dead = ForkedJvm.start(ImportProcess.class, "256m", temp.resolve("dead.log"), arguments);
            try {
                boolean halted = dead.waitFor(2, TimeUnit.MINUTES);
                assertThat(halted).as("halted after writing %s:%n%s", lastWritten,
                        Files.readString(temp.resolve("dead.log"))).isTrue();
            } finally {
                dead.destroyForcibly().waitFor();
            }
            Path results = inbox.resolve("results");
            assertThat(inbox.resolve("published.csv")).as("killed before the move").exists();
            assertThat(results.resolve(lastWritten)).exists();
            String resultsBefore = Files.readString(results.resolve("published.results.csv"));
            int callsBefore = SandboxZest.bulkCalls(SANDBOX).size();

            takeOver(shared, sftpParameters, inbox.resolve("done/published.csv"));

            callsAfterTheKill.accept(SandboxZest.bulkCalls(SANDBOX).size() - callsBefore);
            try (var written = Files.list(results)) {
                assertThat(written).as("each output written once, none stamped").extracting(f -> f.getFileName()
                        .toString()).containsExactlyInAnyOrder("published.results.csv", "published.errors.csv",
                                "published.summary.json");
            }
            assertThat(results.resolve("published.results.csv")).as("the results as first published")
                    .hasContent(resultsBefore);
            assertThat(InvestorFiles.readResults(results.resolve("published.results.csv")))
                    .hasSize(SMALL_ROWS).extracting(r -> r.get("status")).containsOnly("created");
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(SMALL_ROWS);
            try (var done = Files.list(inbox.resolve("done"))) {
                assertThat(done).as("moved once").hasSize(1);
            }
            assertThat(inbox.resolve("published.csv")).doesNotExist();
            return inbox;
        }
    }

    /** The sandbox emptied, a fresh shared ledger, and an SFTP server for this test. */
    private EmbeddedSftpServer freshSandboxAndSftp() {
        SANDBOX.admin().reset();
        sharedLedger = LedgerDatabase.POSTGRESQL.freshDatabase(temp.resolve("ledger"));
        return EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root")).passwordUser("acme", "secret")
                .build().start();
    }

    private Map<String, String> sftpParameters(EmbeddedSftpServer sftp) {
        return new HashMap<>(Map.of("host", sftp.host(),
                "port", String.valueOf(sftp.port()), "username", "acme", "password", "secret",
                "knownHostsFile", sftp.knownHostsFile().toString(), "useUserKnownHostsFile", "false",
                "directory", "inbox", "batchSize", String.valueOf(BATCH),
                "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"))));
    }

    /** The import process's arguments: a replica on the shared PostgreSQL ledger, or one node on its own H2 ledger. */
    private List<String> forkedArguments(Map<String, String> sftpParameters, boolean shared) {
        List<String> arguments = new ArrayList<>(List.of("zest=" + sftpParameters.get("zestUri"),
                "dataDirectory=" + temp.resolve("data-dead"), "pollDelay=200", "initialPollDelay=0",
                "readLockCheckInterval=200"));
        if (shared) {
            arguments.addAll(List.of("ledgerUrl=" + sharedLedger.jdbcUrl(), "ledgerUser=" + sharedLedger.username(),
                    "ledgerPassword=" + sharedLedger.password(), "claimExpiry=" + CLAIM_EXPIRY.toSeconds()));
        }
        sftpParameters.entrySet().stream().filter(e -> !"zestUri".equals(e.getKey()))
                .forEach(e -> arguments.add(e.getKey() + "=" + e.getValue()));
        return arguments;
    }

    /**
     * Another replica on the shared ledger takes the file over once the dead one's claim expired; on H2, the node is
     * started again on the dead process's data directory. Returns once the file is in the done directory.
     */
    private void takeOver(boolean shared, Map<String, String> sftpParameters, Path done) throws Exception {
        if (shared) {
            try (Replica survivor = new Replica("survivor", Ledger.open(sharedLedger), CLAIM_EXPIRY)) {
                survivor.importing(InvestorImportTemplates.SFTP, temp.resolve("data-survivor"), sftpParameters);
                await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(done));
            }
            return;
        }
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data-dead")));
                DefaultCamelContext restarted = TemplateCamel.start(ledger, new InvestorImportTemplates())) {
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(restarted, InvestorImportTemplates.SFTP)
                    .routeId("investors").parameter("dataDirectory", temp.resolve("data-dead").toString())
                    .parameter("pollDelay", "100").parameter("initialPollDelay", "0")
                    .parameter("readLockCheckInterval", "100");
            sftpParameters.forEach(route::parameter);
            route.add();
            await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(done));
        }
    }
}
