package dev.camelzest.routes.cluster;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas (two Camel contexts, each with its own connection pool and data directory) on one drop directory
 * and one PostgreSQL ledger, six 300-row files dropped at once: each file is imported once (one bulk call per
 * batch in the sandbox's request log), its results written once and complete, the input moved once, nothing lost.
 * Without the claims the SFTP case imports files twice (SFTP has no marker files); on a local directory Camel's
 * marker files keep two live replicas apart too, but a marker a killed replica leaves blocks its file, which is why
 * the claims replace them there.
 */
class ReplicatedImportTest {

    private static final int FILES = 6;
    private static final int ROWS = 300;
    private static final int BATCH = 100;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private final List<Replica> replicas = new ArrayList<>();
    private LedgerSettings sharedLedger;

    @BeforeEach
    void resetSandbox() {
        SANDBOX.admin().reset();
        sharedLedger = LedgerDatabase.POSTGRESQL.freshDatabase(temp.resolve("ledger"));
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(Replica::close);
        replicas.clear();
    }

    @Test
    void aLocalDirectory() throws Exception {
        Path inbox = temp.resolve("inbox");
        for (String name : List.of("a", "b")) {
            replicas.add(new Replica(name, ledger(), Duration.ofSeconds(30)).importing(InvestorImportTemplates.FILE,
                    temp.resolve("data-" + name), Map.of("directory", inbox.toString(),
                            "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")),
                            "batchSize", String.valueOf(BATCH))));
        }
        dropSixFilesAtOnce(inbox);
        assertEachFileImportedOnce(inbox);
    }

    @Test
    void anSftpDirectory() throws Exception {
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root"))
                .passwordUser("acme", "secret").build().start()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            for (String name : List.of("a", "b")) {
                Map<String, String> parameters = new HashMap<>(Map.of("host", sftp.host(),
                        "port", String.valueOf(sftp.port()), "username", "acme", "password", "secret",
                        "knownHostsFile", sftp.knownHostsFile().toString(), "useUserKnownHostsFile", "false",
                        "directory", "inbox",
                        "zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")),
                        "batchSize", String.valueOf(BATCH)));
                replicas.add(new Replica(name, ledger(), Duration.ofSeconds(30)).importing(
                        InvestorImportTemplates.SFTP, temp.resolve("data-" + name), parameters));
            }
            Files.createDirectories(inbox);
            dropSixFilesAtOnce(inbox);
            assertEachFileImportedOnce(inbox);
            stopReplicas();
        }
    }

    /**
     * A replica that stalls for longer than its claim's expiry loses the file to another, which imports it; when the
     * stalled one wakes up it finds its claim gone and stops, writing nothing: one results file, one move, one
     * person per row. (The stalled replica's claims instance has an hour's expiry, so its heartbeat does not run
     * during the test; the other's, two seconds, takes the stalled claim over two seconds after its last renewal.)
     */
    @Test
    void aReplicaThatLostItsClaimStopsAndWritesNothing() throws Exception {
        Path inbox = temp.resolve("inbox");
        String zestUri = SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
        CountDownLatch stalled = new CountDownLatch(1);
        CountDownLatch wakeUp = new CountDownLatch(1);
        Replica slow = new Replica("slow", ledger(), Duration.ofHours(1));
        replicas.add(slow);
        slow.camel().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:stalling-zest").process(exchange -> {
                    stalled.countDown();
                    wakeUp.await(60, TimeUnit.SECONDS);
                }).to(zestUri);
            }
        });
        slow.importing(InvestorImportTemplates.FILE, temp.resolve("data-slow"), Map.of("directory",
                inbox.toString(), "zestUri", "direct:stalling-zest", "batchSize", String.valueOf(BATCH)));
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("drop-1.csv"), cleanCsv(1000, ROWS), StandardCharsets.UTF_8);
        assertThat(stalled.await(60, TimeUnit.SECONDS)).as("the slow replica took the file").isTrue();

        replicas.add(new Replica("other", ledger(), Duration.ofSeconds(2)).importing(InvestorImportTemplates.FILE,
                temp.resolve("data-other"), Map.of("directory", inbox.toString(), "zestUri", zestUri,
                        "batchSize", String.valueOf(BATCH))));
        Path results = inbox.resolve("results");
        await().atMost(Duration.ofSeconds(60)).until(() -> names(inbox.resolve("done")).contains("drop-1.csv")
                && names(results).contains("drop-1.summary.json"));
        wakeUp.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> slow.camel().getInflightRepository().size() == 0);

        assertThat(names(results)).as("written once, by the replica that holds the claim")
                .containsExactlyInAnyOrder("drop-1.results.csv", "drop-1.errors.csv", "drop-1.summary.json");
        assertThat(readResults(results.resolve("drop-1.results.csv"))).hasSize(ROWS)
                .extracting(r -> r.get("status")).containsOnly("created");
        assertThat(names(inbox.resolve("done"))).containsExactly("drop-1.csv");
        assertThat(SANDBOX.sandbox().context().state().persons().size()).as("one person per row").isEqualTo(ROWS);
    }

    private Ledger ledger() {
        return Ledger.open(sharedLedger);
    }

    /** Written aside, then renamed into the directory one after the other, as fast as the file system goes. */
    private void dropSixFilesAtOnce(Path inbox) throws IOException {
        Path aside = Files.createDirectories(temp.resolve("aside"));
        for (int f = 1; f <= FILES; f++) {
            Files.writeString(aside.resolve("drop-" + f + ".csv"), cleanCsv(f * 1000, ROWS), StandardCharsets.UTF_8);
        }
        Files.createDirectories(inbox);
        for (int f = 1; f <= FILES; f++) {
            Files.move(aside.resolve("drop-" + f + ".csv"), inbox.resolve("drop-" + f + ".csv"));
        }
    }

    private void assertEachFileImportedOnce(Path inbox) throws IOException {
        Path results = inbox.resolve("results");
        await().atMost(Duration.ofSeconds(120)).until(() -> names(results).size() >= FILES * 3
                && names(inbox.resolve("done")).size() >= FILES);

        assertThat(SandboxZest.bulkCalls(SANDBOX)).as("one bulk call per batch: no file imported twice")
                .hasSize(FILES * ROWS / BATCH).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        Set<String> expected = new HashSet<>();
        Set<String> persons = new HashSet<>();
        for (int f = 1; f <= FILES; f++) {
            expected.addAll(List.of("drop-" + f + ".results.csv", "drop-" + f + ".errors.csv",
                    "drop-" + f + ".summary.json"));
            List<CSVRecord> rows = readResults(results.resolve("drop-" + f + ".results.csv"));
            assertThat(rows).as("drop-%d.results.csv complete, in row order", f).hasSize(ROWS)
                    .extracting(r -> r.get("rowNumber")).containsExactlyElementsOf(
                            Stream.iterate(1, n -> n + 1).limit(ROWS).map(String::valueOf).toList());
            assertThat(rows).extracting(r -> r.get("status")).containsOnly("created");
            rows.forEach(r -> persons.add(r.get("zestPersonId")));
            assertThat(Files.readString(results.resolve("drop-" + f + ".summary.json"))).contains("\"completed\"");
        }
        assertThat(persons).as("one person per row").hasSize(FILES * ROWS);
        assertThat(names(results)).as("each results file written once, nothing stamped aside, nothing staged left")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(inbox.resolve("done"))).as("each input moved once")
                .containsExactlyInAnyOrder(Stream.iterate(1, f -> f + 1).limit(FILES).map(f -> "drop-" + f + ".csv")
                        .toArray(String[]::new));
        assertThat(names(inbox)).as("nothing left in the drop directory").isEmpty();
    }

    /** The regular files of a directory (hidden ones too), none when it does not exist. */
    private static List<String> names(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
    }
}
