package dev.camelzest.routes.subscriptions;

import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxDeals;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.StandIns;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subscriptions files through the template and the zest: component to the sandbox. The files name
 * SPVs, share classes and persons as {@code veh_1}, {@code sc_a}, {@code psn_7}...: stand-ins for the slugs and ids
 * the sandbox gave the two approved SPVs and the onboarded persons of each test. The ledger is on H2 and on
 * PostgreSQL.
 */
@ParameterizedClass
@EnumSource(LedgerDatabase.class)
class SubscriptionFileImportTest {

    @Parameter
    LedgerDatabase database;

    private static final String HEADER = "spvSlug,partnerInvestorId,zestPersonId,amount,currency,shareClassSlug,"
            + "partnerSubscriptionId\n";
    private static final Pattern SUBSCRIPTIONS_PATH = Pattern.compile("/v1/spvs/([^/]+)/subscriptions");

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;
    private String zestUri;
    private SandboxDeals.Spv spv1;
    private SandboxDeals.Spv spv2;
    private String person1;
    private String person7;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        inbox = temp.resolve("subscriptions");
        zestUri = SandboxZest.uri(SANDBOX, "createSubscriptions", temp.resolve("keys"));
        ledger = database.open(temp.resolve("data"));
        camel = TemplateCamel.start(ledger, new SubscriptionTemplates());
        SandboxDeals deals = new SandboxDeals(SANDBOX, camel, temp.resolve("keys"));
        spv1 = deals.approvedSpv();
        spv2 = deals.approvedSpv();
        person1 = deals.person("acme-1");
        String person2 = deals.person("acme-2");
        person7 = deals.person("acme-7");
        ledger.investors().record(List.of(new InvestorMapping("acme-1", person1, "a1@example.com", "Ann", "One"),
                new InvestorMapping("acme-2", person2, "a2@example.com", "Bob", "Two")), "investors.csv");
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId("subscriptions")
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "100")
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    @Test
    void rowsAreGroupedPerSpvAndEveryRowGetsItsResult() throws Exception {
        dropFile(inbox, "monday.csv", HEADER
                + "veh_1,acme-1,,50000.00,USD,sc_a,acme-sub-1\n"
                + "veh_2,acme-2,,1000,EUR,sc_b,acme-sub-2\n"
                + "veh_1,acme-9,,100,USD,sc_a,acme-sub-3\n"
                + "veh_1,,psn_7,250.50,USD,sc_a,acme-sub-4\n"
                + "veh_1,acme-2,,-5,USD,sc_a,acme-sub-5\n"
                + "veh_1,acme-1,,10,USD,sc_a,acme-sub-1\n");

        List<CSVRecord> results = awaitResults("monday.results.csv");

        assertStatuses(results, "created", "created", "unknown_investor", "created", "invalid", "invalid");
        assertThat(results.get(4).get("errorCode")).isEqualTo("format");
        assertThat(results.get(5).get("errorCode")).isEqualTo("duplicate");
        // one call per SPV, sent at once (maxCallsInFlight): answered in either order
        assertThat(callsPerSpv()).containsExactlyInAnyOrder(spv1.slug(), spv2.slug());
        assertThat(SANDBOX.sandbox().context().state().subscriptions().find(spv1.slug(), person1)).isPresent();
        assertThat(SANDBOX.sandbox().context().state().subscriptions().find(spv1.slug(), person7)).isPresent();
        assertThat(results.get(0).get("subscriptionSlug")).isNotEqualTo(results.get(3).get("subscriptionSlug"));
        SubscriptionRecord first = ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").orElseThrow();
        assertThat(first.subscriptionSlug()).isEqualTo(results.get(0).get("subscriptionSlug"));
        assertThat(first.partnerInvestorId()).isEqualTo("acme-1");
        assertThat(first.status()).isEqualTo("pending");
        // the results are published before the input moves: the move follows them
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/monday.csv")));
    }

    @Test
    void anSpvZestRefusesFailsItsRowsOnly() throws Exception {
        dropFile(inbox, "tuesday.csv", HEADER
                + "veh_404,acme-1,,100,USD,sc_a,acme-sub-10\n"
                + "veh_2,acme-2,,100,USD,sc_b,acme-sub-11\n");

        List<CSVRecord> results = awaitResults("tuesday.results.csv");

        assertStatuses(results, "failed", "created");
        assertThat(results.get(0).get("errorCode")).isEqualTo("not_found");
        assertThat(ledger.subscriptions().byPartnerSubscriptionId("acme-sub-10")).isEmpty();
    }

    @Test
    void aFileDroppedAgainCreatesNothingTwice() throws Exception {
        String content = HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-20\n";
        dropFile(inbox, "wednesday.csv", content);
        awaitResults("wednesday.results.csv");

        dropFile(inbox, "wednesday-again.csv", content);
        List<CSVRecord> again = awaitResults("wednesday-again.results.csv");

        assertStatuses(again, "already_exists");
        assertThat(callsPerSpv()).hasSize(1);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWithAReport() throws Exception {
        dropFile(inbox, "broken.csv", "spvSlug,amount\nveh_1,100\n");

        Path report = inbox.resolve("error/broken.csv.error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("currency", "shareClassSlug", "partnerInvestorId");
        // the report is written first, then the file moves: never the other way round
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/broken.csv")));
        assertThat(callsPerSpv()).isEmpty();
    }

    /** Fails on the old code: the byte order mark made the first column name unknown, the file was rejected. */
    @Test
    void aSpreadsheetsCsvUtf8ExportWithItsByteOrderMarkIsImported() throws Exception {
        dropFile(inbox, "excel.csv", "\uFEFF" + HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-40\n");

        assertStatuses(awaitResults("excel.results.csv"), "created");
    }

    /** Fails on the old code: bad bytes became U+FFFD silently and were sent to Zest. */
    @Test
    void aRowWithBytesThatAreNotUtf8IsRefusedNamingItsRowAndByteOffset() throws Exception {
        String content = HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-50\n"
                + "veh_1,acme-2,,100,USD,sc_\u00e9,acme-sub-51\n";
        dropFile(inbox, "latin1.csv", content.getBytes(StandardCharsets.ISO_8859_1));

        List<CSVRecord> results = awaitResults("latin1.results.csv");

        assertStatuses(results, "created", "invalid");
        assertThat(results.get(1).get("rowNumber")).isEqualTo("2");
        assertThat(results.get(1).get("errorCode")).isEqualTo("encoding");
        assertThat(results.get(1).get("errorMessage")).contains("byte offset " + real(content).indexOf("\u00e9"));
        assertThat(callsPerSpv()).hasSize(1);
        assertThat(SANDBOX.sandbox().context().state().subscriptions().find(spv1.slug(), person1)).isPresent();
    }

    /** Rows stream in batches: each batch's rows of one SPV are one call, every row answered in file order. */
    @Test
    void aFileLargerThanABatchIsSentBatchByBatch() throws Exception {
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId("batched-subscriptions")
                .parameter("directory", temp.resolve("batched").toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "100")
                .parameter("batchSize", "2")
                .add();
        dropFile(temp.resolve("batched"), "friday.csv", HEADER
                + "veh_1,acme-1,,100,USD,sc_a,acme-sub-60\n"
                + "veh_2,acme-2,,100,USD,sc_b,acme-sub-61\n"
                + "veh_1,acme-2,,100,USD,sc_a,acme-sub-62\n"
                + "veh_1,,psn_7,100,USD,sc_a,acme-sub-63\n"
                + "veh_2,acme-1,,100,USD,sc_b,acme-sub-64\n");

        List<CSVRecord> results = awaitResults(temp.resolve("batched"), "friday.results.csv");

        assertThat(results).as(() -> explained(results))
                .extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactly("acme-sub-60 created", "acme-sub-61 created", "acme-sub-62 created",
                        "acme-sub-63 created", "acme-sub-64 created");
        // batch after batch, each batch's two SPV calls at once: answered in either order within the batch
        assertThat(callsPerSpv().subList(0, 2)).containsExactlyInAnyOrder(spv1.slug(), spv2.slug());
        assertThat(callsPerSpv().subList(2, 4)).containsExactlyInAnyOrder(spv1.slug(), spv2.slug());
    }

    @Test
    void filesOnSftpAreImportedTheSameWay() throws Exception {
        try (EmbeddedSftpServer sftp = SftpLogin.server(temp.resolve("sftp-root"))) {
            SftpLogin.to(TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.SFTP), sftp)
                    .parameter("directory", "subscriptions")
                    .parameter("dataDirectory", temp.resolve("data").toString())
                    .parameter("zestUri", zestUri)
                    .parameter("pollDelay", "100")
                    .parameter("initialPollDelay", "0")
                    .parameter("readLockCheckInterval", "100")
                    .add();
            Path remote = sftp.rootDirectory().resolve("subscriptions");
            dropFile(remote, "thursday.csv", HEADER + "veh_2,acme-2,,100,USD,sc_b,acme-sub-30\n");

            List<CSVRecord> results = awaitResults(remote, "thursday.results.csv");

            assertStatuses(results, "created");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(remote.resolve("done/thursday.csv")));
        }
    }

    /** Writes the file with the stand-ins replaced by this test's SPV slugs, share classes and person ids. */
    private void dropFile(Path directory, String name, String content) {
        drop(directory, name, real(content));
    }

    private void dropFile(Path directory, String name, byte[] content) {
        drop(directory, name, real(new String(content, StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1));
    }

    private String real(String content) {
        return StandIns.of(Map.of("veh_1", spv1.slug(), "veh_2", spv2.slug(), "sc_a", spv1.shareClassSlug(),
                "sc_b", spv2.shareClassSlug(), "psn_7", person7)).replaceIn(content);
    }

    /** The rows' statuses in file order; a failure shows why a row did not get its status. */
    private static void assertStatuses(List<CSVRecord> results, String... statuses) {
        assertThat(results).as(() -> explained(results)).extracting(row -> row.get("status"))
                .containsExactly(statuses);
    }

    /** Each result row with its error, and every call the sandbox received (status, time, Idempotency-Key). */
    private static String explained(List<CSVRecord> results) {
        StringBuilder text = new StringBuilder("results:");
        results.forEach(row -> text.append("\n  row ").append(row.get("rowNumber")).append(' ')
                .append(row.get("status")).append(' ').append(row.get("errorCode")).append(": ")
                .append(row.get("errorMessage")));
        text.append("\nthe sandbox's request log:");
        SANDBOX.admin().requests().forEach(request -> text.append("\n  ").append(request));
        return text.toString();
    }

    /** The SPV of each createSubscriptions call the sandbox received, in order. */
    private static List<String> callsPerSpv() {
        return SANDBOX.admin().requests().stream()
                .filter(request -> request.method().equals("POST"))
                .map(request -> SUBSCRIPTIONS_PATH.matcher(request.path()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1))
                .toList();
    }

    private List<CSVRecord> awaitResults(String name) throws Exception {
        return awaitResults(inbox, name);
    }

    static List<CSVRecord> awaitResults(Path directory, String name) throws Exception {
        Path results = directory.resolve("results").resolve(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(results));
        try (Reader reader = Files.newBufferedReader(results)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
