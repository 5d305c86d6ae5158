package dev.camelzest.routes.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replica (its own JVM) is killed with SIGKILL part-way through a file it claimed; another replica, on the same
 * SFTP directory and PostgreSQL ledger, takes the file once the dead one's claim expired and finishes it: one person
 * per row, every row the dead replica recorded reported created, the results complete, the input moved once.
 */
class ReplicaCrashTest {

    private static final int ROWS = 3000;
    private static final int BATCH = 50;
    private static final Duration CLAIM_EXPIRY = Duration.ofSeconds(3);

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    @Test
    void aKilledReplicasFileIsFinishedByAnother() throws Exception {
        SANDBOX.admin().reset();
        LedgerSettings ledger = LedgerDatabase.POSTGRESQL.freshDatabase(temp.resolve("ledger"));
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root"))
                .passwordUser("acme", "secret").build().start()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            InvestorFiles.drop(inbox, "crash.csv", InvestorFiles.cleanCsv(1, ROWS));
            Map<String, String> sftpParameters = new HashMap<>(Map.of("host", sftp.host(),
                    "port", String.valueOf(sftp.port()), "username", "acme", "password", "secret",
                    "knownHostsFile", sftp.knownHostsFile().toString(), "useUserKnownHostsFile", "false",
                    "directory", "inbox", "batchSize", String.valueOf(BATCH),
                    "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"))));
            List<String> arguments = new java.util.ArrayList<>(List.of("zest=" + sftpParameters.get("zestUri"),
                    "ledgerUrl=" + ledger.jdbcUrl(), "ledgerUser=" + ledger.username(),
                    "ledgerPassword=" + ledger.password(), "claimExpiry=" + CLAIM_EXPIRY.toSeconds(),
                    "dataDirectory=" + temp.resolve("data-dead"), "pollDelay=200", "initialPollDelay=0",
                    "readLockCheckInterval=200"));
            sftpParameters.entrySet().stream().filter(e -> !"zestUri".equals(e.getKey()))
                    .forEach(e -> arguments.add(e.getKey() + "=" + e.getValue()));

            Process dead = ForkedJvm.start(ImportProcess.class, "256m", temp.resolve("dead.log"), arguments);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> SandboxZest.bulkCalls(SANDBOX).size() >= ROWS / BATCH / 3 || !dead.isAlive());
            } finally {
                dead.destroyForcibly().waitFor();
            }
            Instant killedAt = Instant.now();
            assertThat(inbox.resolve("crash.csv")).as("killed part-way").exists();

            try (Replica survivor = new Replica("survivor", Ledger.open(ledger), CLAIM_EXPIRY)) {
                survivor.importing(InvestorImportTemplates.SFTP, temp.resolve("data-survivor"), sftpParameters);
                await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(inbox.resolve("done/crash.csv")));
            }
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
}
