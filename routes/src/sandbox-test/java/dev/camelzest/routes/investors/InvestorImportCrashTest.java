package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.ForkedJvm;
import dev.camelzest.routes.testing.ImportProcess;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.sandbox.state.Person;
import dev.camelzest.sandbox.state.PersonStore;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The import JVM is killed (SIGKILL, not a route stop) part-way through a file and started again: the file is
 * imported from the start, Zest ends with exactly one person per valid row, and the results file is complete.
 * The sandbox and the SFTP server live in this JVM, the routes in the one that is killed.
 */
class InvestorImportCrashTest {

    /** Sized by the build: 50,000 rows in batches of 250 (routes/pom.xml); 3,000 in batches of 50 with -Pquick. */
    private static final int ROWS = Integer.getInteger("reliability.crashRows", 3000);
    private static final int BATCH = Integer.getInteger("reliability.crashBatch", 50);

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    @Test
    void killedPartWayAndRestarted() throws Exception {
        SANDBOX.admin().reset();
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root"))
                .passwordUser("acme", "secret").build().start()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            long validRows = writeFile(inbox.resolve("crash.csv"));
            List<String> arguments = List.of(
                    "zest=" + SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")),
                    "host=" + sftp.host(), "port=" + sftp.port(), "username=acme", "password=secret",
                    "knownHostsFile=" + sftp.knownHostsFile(), "useUserKnownHostsFile=false", "directory=inbox",
                    "dataDirectory=" + temp.resolve("data"), "batchSize=" + BATCH, "pollDelay=200",
                    "initialPollDelay=0", "readLockCheckInterval=200");

            Process first = ForkedJvm.start(ImportProcess.class, "256m", temp.resolve("first.log"), arguments);
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20))
                        .until(() -> SandboxZest.bulkCalls(SANDBOX).size() >= ROWS / BATCH / 2 || !first.isAlive());
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(inbox.resolve("crash.csv")).as("killed before the end of the file").exists();
            int callsBeforeCrash = SandboxZest.bulkCalls(SANDBOX).size();
            assertThat(callsBeforeCrash).isLessThan((int) (validRows / BATCH));
            Set<String> recordedBeforeCrash = nothingRecordedThatZestDoesNotHave();

            importUntilDone(arguments, inbox.resolve("done/crash.csv"), "second.log");
            assertThat(inbox.resolve("done/crash.csv")).exists();

            List<CSVRecord> results = InvestorFiles.readResults(inbox.resolve("results/crash.results.csv"));
            assertThat(results).hasSize(ROWS);
            assertThat(results).extracting(r -> Long.parseLong(r.get("rowNumber")))
                    .isSorted().first().isEqualTo(1L);
            Map<String, List<CSVRecord>> byStatus = results.stream()
                    .collect(Collectors.groupingBy(r -> r.get("status")));
            assertThat(byStatus.keySet()).containsOnly("created", "invalid");
            assertThat(byStatus.get("invalid")).hasSize((int) (ROWS - validRows));
            // every valid row was created by this file: the rows the killed import recorded (the ledger knows their
            // file), and those it sent but had not recorded (durably: H2 writes a commit to its file within half a
            // second): the same calls again, with the same Idempotency-Keys, answered from Zest's cache
            assertThat(results).filteredOn(r -> recordedBeforeCrash.contains(r.get("partnerInvestorId")))
                    .as("recorded before the crash").hasSize(recordedBeforeCrash.size());
            List<String> persons = results.stream().filter(r -> !"invalid".equals(r.get("status")))
                    .map(r -> r.get("zestPersonId")).toList();
            assertThat(persons).hasSize((int) validRows).doesNotContain("").doesNotHaveDuplicates();

            // Zest holds exactly these persons: asking again creates none and answers the same ids
            Files.move(inbox.resolve("done/crash.csv"), inbox.resolve("crash-again.csv"));
            importUntilDone(arguments, inbox.resolve("done/crash-again.csv"), "third.log");
            List<CSVRecord> again = InvestorFiles.readResults(inbox.resolve("results/crash-again.results.csv"));
            assertThat(again).filteredOn(r -> !"invalid".equals(r.get("status")))
                    .extracting(r -> r.get("status")).containsOnly("already_exists");
            assertThat(again).filteredOn(r -> !"invalid".equals(r.get("status")))
                    .extracting(r -> r.get("zestPersonId")).containsExactlyElementsOf(persons);
        }
    }

    /**
     * Every investor the killed import recorded in its ledger is a person Zest created, under the same id; answers
     * the partnerInvestorIds recorded.
     */
    private Set<String> nothingRecordedThatZestDoesNotHave() {
        PersonStore persons = SANDBOX.sandbox().context().state().persons();
        Set<String> recordedIds = new HashSet<>();
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")))) {
            assertThat(ledger.investors().count()).isPositive().isLessThanOrEqualTo(persons.size());
            for (int n = 1; n <= ROWS; n++) {
                String partnerInvestorId = "inv-" + n;
                ledger.investors().zestPersonId(partnerInvestorId).ifPresent(recorded -> {
                    assertThat(persons.byPartnerInvestorId(SANDBOX.partner().clientId(), partnerInvestorId))
                            .map(Person::zestPersonId).contains(recorded);
                    recordedIds.add(partnerInvestorId);
                });
            }
        }
        return recordedIds;
    }

    private void importUntilDone(List<String> arguments, Path done, String log) throws Exception {
        Process process = ForkedJvm.start(ImportProcess.class, "256m", temp.resolve(log), arguments);
        try {
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Files.exists(done) || !process.isAlive());
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    /** Every hundredth row is invalid; returns the number of valid rows. */
    private static long writeFile(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".crash.tmp");
        long valid = 0;
        try (BufferedWriter out = Files.newBufferedWriter(temp)) {
            out.write(InvestorFiles.HEADER);
            out.newLine();
            for (int n = 1; n <= ROWS; n++) {
                if (n % 100 == 0) {
                    out.write("inv-" + n + ",not-an-email,A,B,1980-01-01,AE");
                } else {
                    out.write(InvestorFiles.row(n));
                    valid++;
                }
                out.newLine();
            }
        }
        Files.move(temp, file);
        return valid;
    }
}
