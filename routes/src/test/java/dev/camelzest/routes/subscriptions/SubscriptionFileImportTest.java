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
import java.util.Set;

import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.FakeSubscriptionsZest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subscriptions files through the template, Zest's createSubscriptions in memory, the ledger on H2. */
class SubscriptionFileImportTest {

    private static final String HEADER = "spvSlug,partnerInvestorId,zestPersonId,amount,currency,shareClassSlug,"
            + "partnerSubscriptionId\n";

    @TempDir
    Path temp;

    private final FakeSubscriptionsZest zest = new FakeSubscriptionsZest(Set.of("veh_1", "veh_2"));
    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        inbox = temp.resolve("subscriptions");
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        ledger.investors().record(List.of(new InvestorMapping("acme-1", "psn_1", "a1@example.com", "Ann", "One"),
                new InvestorMapping("acme-2", "psn_2", "a2@example.com", "Bob", "Two")), "investors.csv");
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new SubscriptionTemplates());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").errorHandler(noErrorHandler()).process(zest);
            }
        });
        camel.start();
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId("subscriptions")
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", "direct:zest")
                .parameter("pollDelay", "100")
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    @Test
    void rowsAreGroupedPerSpvAndEveryRowGetsItsResult() throws Exception {
        drop(inbox, "monday.csv", HEADER
                + "veh_1,acme-1,,50000.00,USD,sc_a,acme-sub-1\n"
                + "veh_2,acme-2,,1000,EUR,sc_b,acme-sub-2\n"
                + "veh_1,acme-9,,100,USD,sc_a,acme-sub-3\n"
                + "veh_1,,psn_7,250.50,USD,sc_a,acme-sub-4\n"
                + "veh_1,acme-2,,-5,USD,sc_a,acme-sub-5\n"
                + "veh_1,acme-1,,10,USD,sc_a,acme-sub-1\n");

        List<CSVRecord> results = awaitResults("monday.results.csv");

        assertThat(results).extracting(row -> row.get("status")).containsExactly("created", "created",
                "unknown_investor", "created", "invalid", "invalid");
        assertThat(results.get(4).get("errorCode")).isEqualTo("format");
        assertThat(results.get(5).get("errorCode")).isEqualTo("duplicate");
        assertThat(zest.calls()).extracting(FakeSubscriptionsZest.Call::spvSlug).containsExactly("veh_1", "veh_2");
        assertThat(zest.calls().get(0).rows()).extracting(row -> row.zestPersonId())
                .containsExactly("psn_1", "psn_7");
        SubscriptionRecord first = ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").orElseThrow();
        assertThat(first.subscriptionSlug()).isEqualTo(results.get(0).get("subscriptionSlug"));
        assertThat(first.partnerInvestorId()).isEqualTo("acme-1");
        assertThat(first.status()).isEqualTo("pending");
        // the results are published before the input moves: the move follows them
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/monday.csv")));
    }

    @Test
    void anSpvZestRefusesFailsItsRowsOnly() throws Exception {
        drop(inbox, "tuesday.csv", HEADER
                + "veh_404,acme-1,,100,USD,sc_a,acme-sub-10\n"
                + "veh_2,acme-2,,100,USD,sc_b,acme-sub-11\n");

        List<CSVRecord> results = awaitResults("tuesday.results.csv");

        assertThat(results).extracting(row -> row.get("status")).containsExactly("failed", "created");
        assertThat(results.get(0).get("errorCode")).isEqualTo("not_found");
        assertThat(ledger.subscriptions().byPartnerSubscriptionId("acme-sub-10")).isEmpty();
    }

    @Test
    void aFileDroppedAgainCreatesNothingTwice() throws Exception {
        String content = HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-20\n";
        drop(inbox, "wednesday.csv", content);
        awaitResults("wednesday.results.csv");

        drop(inbox, "wednesday-again.csv", content);
        List<CSVRecord> again = awaitResults("wednesday-again.results.csv");

        assertThat(again).extracting(row -> row.get("status")).containsExactly("already_exists");
        assertThat(zest.calls()).hasSize(1);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedWithAReport() throws Exception {
        drop(inbox, "broken.csv", "spvSlug,amount\nveh_1,100\n");

        Path report = inbox.resolve("error/broken.csv.error.txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        assertThat(Files.readString(report)).contains("currency", "shareClassSlug", "partnerInvestorId");
        // the report is written first, then the file moves: never the other way round
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/broken.csv")));
        assertThat(zest.calls()).isEmpty();
    }

    /** Fails on the old code: the byte order mark made the first column name unknown, the file was rejected. */
    @Test
    void aSpreadsheetsCsvUtf8ExportWithItsByteOrderMarkIsImported() throws Exception {
        drop(inbox, "excel.csv", "\uFEFF" + HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-40\n");

        assertThat(awaitResults("excel.results.csv")).extracting(row -> row.get("status")).containsExactly("created");
    }

    /** Fails on the old code: bad bytes became U+FFFD silently and were sent to Zest. */
    @Test
    void aRowWithBytesThatAreNotUtf8IsRefusedNamingItsRowAndByteOffset() throws Exception {
        String content = HEADER + "veh_1,acme-1,,100,USD,sc_a,acme-sub-50\n"
                + "veh_1,acme-2,,100,USD,sc_\u00e9,acme-sub-51\n";
        drop(inbox, "latin1.csv", content.getBytes(StandardCharsets.ISO_8859_1));

        List<CSVRecord> results = awaitResults("latin1.results.csv");

        assertThat(results).extracting(row -> row.get("status")).containsExactly("created", "invalid");
        assertThat(results.get(1).get("rowNumber")).isEqualTo("2");
        assertThat(results.get(1).get("errorCode")).isEqualTo("encoding");
        assertThat(results.get(1).get("errorMessage")).contains("byte offset " + content.indexOf("\u00e9"));
        assertThat(zest.calls()).singleElement().satisfies(call -> assertThat(call.rows()).hasSize(1));
    }

    /** Rows stream in batches: each batch's rows of one SPV are one call, every row answered in file order. */
    @Test
    void aFileLargerThanABatchIsSentBatchByBatch() throws Exception {
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId("batched-subscriptions")
                .parameter("directory", temp.resolve("batched").toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", "direct:zest")
                .parameter("pollDelay", "100")
                .parameter("batchSize", "2")
                .add();
        drop(temp.resolve("batched"), "friday.csv", HEADER
                + "veh_1,acme-1,,100,USD,sc_a,acme-sub-60\n"
                + "veh_2,acme-2,,100,USD,sc_b,acme-sub-61\n"
                + "veh_1,acme-2,,100,USD,sc_a,acme-sub-62\n"
                + "veh_1,acme-1,,100,USD,sc_a,acme-sub-63\n"
                + "veh_2,acme-1,,100,USD,sc_b,acme-sub-64\n");

        List<CSVRecord> results = awaitResults(temp.resolve("batched"), "friday.results.csv");

        assertThat(results).extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactly("acme-sub-60 created", "acme-sub-61 created", "acme-sub-62 created",
                        "acme-sub-63 created", "acme-sub-64 created");
        assertThat(zest.calls()).extracting(FakeSubscriptionsZest.Call::spvSlug)
                .containsExactly("veh_1", "veh_2", "veh_1", "veh_2");
    }

    @Test
    void filesOnSftpAreImportedTheSameWay() throws Exception {
        try (EmbeddedSftpServer sftp = SftpLogin.server(temp.resolve("sftp-root"))) {
            SftpLogin.to(TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.SFTP), sftp)
                    .parameter("directory", "subscriptions")
                    .parameter("dataDirectory", temp.resolve("data").toString())
                    .parameter("zestUri", "direct:zest")
                    .parameter("pollDelay", "100")
                    .parameter("readLockCheckInterval", "100")
                    .add();
            Path remote = sftp.rootDirectory().resolve("subscriptions");
            drop(remote, "thursday.csv", HEADER + "veh_2,acme-2,,100,USD,sc_b,acme-sub-30\n");

            List<CSVRecord> results = awaitResults(remote, "thursday.results.csv");

            assertThat(results).extracting(row -> row.get("status")).containsExactly("created");
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(remote.resolve("done/thursday.csv")));
        }
    }

    private List<CSVRecord> awaitResults(String name) throws Exception {
        return awaitResults(inbox, name);
    }

    private static List<CSVRecord> awaitResults(Path directory, String name) throws Exception {
        Path results = directory.resolve("results").resolve(name);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(results));
        try (Reader reader = Files.newBufferedReader(results)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
