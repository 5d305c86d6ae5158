package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The investor import end to end: files on a real SFTP server with host-key checking on, the zest: component over
 * HTTP to the Zest sandbox, the ledger on H2.
 */
class InvestorImportSandboxTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private EmbeddedSftpServer sftp;
    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root"))
                .passwordUser("acme", "secret").build().start();
        inbox = sftp.rootDirectory().resolve("inbox");
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new InvestorImportTemplates());
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        sftp.close();
    }

    private void sftpImport(String zestUri) throws Exception {
        sftpImport(zestUri, "4");
    }

    private void sftpImport(String zestUri, String maxBatchesInFlight) throws Exception {
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.SFTP)
                .routeId("sandbox-import")
                .parameter("host", sftp.host())
                .parameter("port", String.valueOf(sftp.port()))
                .parameter("username", "acme")
                .parameter("password", "secret")
                .parameter("knownHostsFile", sftp.knownHostsFile().toString())
                .parameter("useUserKnownHostsFile", "false")
                .parameter("directory", "inbox")
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("batchSize", "4")
                .parameter("maxBatchesInFlight", maxBatchesInFlight)
                .parameter("pollDelay", "200")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "300")
                .parameter("redeliveryDelay", "100")
                .parameter("maximumRedeliveryDelay", "1000")
                .add();
    }

    private void sftpImport() throws Exception {
        sftpImport(SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")));
    }

    private static void awaitDone(Path directory, String name) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve("done").resolve(name)));
        assertThat(directory.resolve(name)).doesNotExist();
    }

    @Test
    void aCleanFileIsOnboarded() throws Exception {
        sftpImport();
        drop(inbox, "clean.csv", cleanCsv(1, 9));

        awaitDone(inbox, "clean.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/clean.results.csv"));
        assertThat(results).extracting(r -> r.get("status")).hasSize(9).containsOnly("created");
        assertThat(results).extracting(r -> r.get("zestPersonId")).doesNotContain("").doesNotHaveDuplicates();
        assertThat(ledger.investors().zestPersonId("inv-9")).contains(results.get(8).get("zestPersonId"));
        assertThat(SandboxZest.bulkCalls(SANDBOX)).hasSize(3).allSatisfy(call -> assertThat(call.status())
                .isEqualTo(200));
    }

    @Test
    void everyKindOfBadRowIsReportedNothingSilentlyDropped() throws Exception {
        // one batch at a time: rows 1 and 10 share an email, and Zest creates whichever it meets first
        sftpImport(SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")), "1");
        drop(inbox, "bad.csv", InvestorFiles.BAD_ROWS);

        awaitDone(inbox, "bad.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/bad.results.csv"));
        assertThat(results).extracting(InvestorFiles::outcome).containsExactlyElementsOf(InvestorFiles.BAD_ROWS_RESULTS);
        assertThat(results).allSatisfy(r -> assertThat(r.get("errorMessage").isEmpty())
                .isEqualTo(r.get("errorCode").isEmpty()));
        assertThat(readResults(inbox.resolve("results/bad.errors.csv"))).hasSize(10);
    }

    @Test
    void withBatchesInFlightOneOfTwoRowsSharingAnEmailIsCreatedAndTheOtherReported() throws Exception {
        sftpImport();
        drop(inbox, "bad.csv", InvestorFiles.BAD_ROWS);

        awaitDone(inbox, "bad.csv");
        List<String> outcomes = readResults(inbox.resolve("results/bad.results.csv")).stream()
                .map(InvestorFiles::outcome).toList();
        assertThat(List.of(outcomes.get(0).substring(2), outcomes.get(9).substring(3)))
                .containsExactlyInAnyOrder("created  ", "failed conflict email");
        for (int row = 2; row <= 12; row++) {
            if (row != 10) {
                assertThat(outcomes.get(row - 1)).isEqualTo(InvestorFiles.BAD_ROWS_RESULTS.get(row - 1));
            }
        }
    }

    @Test
    void aRepeatedDropCreatesNoNewPerson() throws Exception {
        sftpImport();
        drop(inbox, "monday.csv", cleanCsv(1, 6));
        awaitDone(inbox, "monday.csv");
        drop(inbox, "tuesday.csv", cleanCsv(1, 6));
        awaitDone(inbox, "tuesday.csv");

        Map<String, String> first = personsById(readResults(inbox.resolve("results/monday.results.csv")));
        List<CSVRecord> second = readResults(inbox.resolve("results/tuesday.results.csv"));
        assertThat(second).extracting(r -> r.get("status")).hasSize(6).containsOnly("already_exists");
        assertThat(personsById(second)).isEqualTo(first);
    }

    @Test
    void aJsonLinesFile() throws Exception {
        sftpImport();
        drop(inbox, "batch.jsonl", """
                {"partnerInvestorId":"j-1","email":"j1@example.com","firstName":"J","lastName":"One","dateOfBirth":"1990-01-31","countryOfResidence":"AE"}
                {"partnerInvestorId":"j-2","email":"j2@example.com","firstName":"J","lastName":"Two","dateOfBirth":"1990-02-31"}
                {"partnerInvestorId":"j-3","email":"j3@example.com","firstName":"J","lastName":"Three","dateOfBirth":"1990-03-01"}
                """);

        awaitDone(inbox, "batch.jsonl");
        List<String> lines = Files.readAllLines(inbox.resolve("results/batch.results.jsonl"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"status\":\"created\"", "\"zestPersonId\":");
        assertThat(lines.get(1)).contains("\"status\":\"invalid\"", "\"errorField\":\"dateOfBirth\"");
        assertThat(lines.get(2)).contains("\"status\":\"created\"");
    }

    @Test
    void aLocalDirectory() throws Exception {
        Path local = temp.resolve("local-inbox");
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId("sandbox-local-import")
                .parameter("directory", local.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")))
                .parameter("pollDelay", "200")
                .parameter("initialPollDelay", "0")
                .add();
        drop(local, "local.csv", cleanCsv(50, 3));

        awaitDone(local, "local.csv");
        assertThat(readResults(local.resolve("results/local.results.csv"))).extracting(r -> r.get("status"))
                .containsExactly("created", "created", "created");
    }

    @Test
    void transientFaultsAreRetriedWithTheSameIdempotencyKey() throws Exception {
        // two calls are committed and then answered 503, one is slow and then answered 503 before its effect
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, 2, 0, true);
        sftpImport();
        drop(inbox, "flaky.csv", cleanCsv(1, 10));
        awaitDone(inbox, "flaky.csv");
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, 1, 300, false);
        drop(inbox, "flaky2.csv", cleanCsv(11, 4));
        awaitDone(inbox, "flaky2.csv");

        List<CSVRecord> results = readResults(inbox.resolve("results/flaky.results.csv"));
        // a retried call gets Zest's stored first answer for its key: created, not already_exists
        assertThat(results).extracting(r -> r.get("status")).hasSize(10).containsOnly("created");
        assertThat(results).extracting(r -> r.get("zestPersonId")).doesNotHaveDuplicates();
        assertThat(readResults(inbox.resolve("results/flaky2.results.csv"))).extracting(r -> r.get("status"))
                .containsOnly("created");
        List<RecordedRequest> calls = SandboxZest.bulkCalls(SANDBOX);
        Map<String, List<Integer>> statusesByKey = calls.stream().collect(Collectors.groupingBy(
                RecordedRequest::idempotencyKey, java.util.LinkedHashMap::new,
                Collectors.mapping(RecordedRequest::status, Collectors.toList())));
        // 3 + 1 batches, each with its own key; every failed call was retried with its key until it succeeded
        assertThat(statusesByKey).hasSize(4);
        assertThat(statusesByKey.values()).allSatisfy(statuses -> assertThat(statuses).last().isEqualTo(200));
        // three failed calls (two of them may be one batch failing twice), each retried with its key
        assertThat(calls).filteredOn(call -> call.status() == 503).hasSize(3);
        assertThat(calls).hasSize(7);
    }

    @Test
    void refusedCredentialsStopTheFileAndSayWhy() throws Exception {
        PartnerCredentials unknown = PartnerCredentials.generate("acme-unregistered");
        sftpImport(SandboxZest.bulkCreateInvestorsUri(SANDBOX, unknown, temp.resolve("keys")));
        drop(inbox, "refused.csv", cleanCsv(1, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("results/refused.summary.json")));
        assertThat(Files.readString(inbox.resolve("results/refused.summary.json")))
                .contains("\"outcome\" : \"stopped\"", "401");
        assertThat(inbox.resolve("refused.csv")).exists();
        assertThat(inbox.resolve("done")).doesNotExist();
        assertThat(SandboxZest.bulkCalls(SANDBOX)).isEmpty();
    }

    private static Map<String, String> personsById(List<CSVRecord> results) {
        return results.stream().collect(Collectors.toMap(r -> r.get("partnerInvestorId"),
                r -> r.get("zestPersonId"), (a, b) -> a, java.util.TreeMap::new));
    }
}
