package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.HEADER;
import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
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
 * The investor file import through the zest: component against the sandbox: Zest's answers, not a stand-in's. The
 * ledger is on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(LedgerDatabase.class)
class FileInvestorImportTest {

    @Parameter
    LedgerDatabase database;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;
    private String zestUri;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        inbox = temp.resolve("inbox");
        zestUri = SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
        ledger = database.open(temp.resolve("data"));
        camel = TemplateCamel.start(ledger, new InvestorImportTemplates());
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId("investor-import")
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("batchSize", "3")
                // file order at Zest, as these tests' expectations are: rows 1 and 10 of BAD_ROWS share an email
                .parameter("maxBatchesInFlight", "1")
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "200")
                .parameter("redeliveryDelay", "10")
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    @Test
    void cleanFileIsOnboardedAndMovedToDone() {
        drop(inbox, "clean.csv", cleanCsv(1, 7));

        awaitDone("clean.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/clean.results.csv"));
        assertThat(results).hasSize(7);
        assertThat(results).extracting(r -> r.get("status")).containsOnly("created");
        assertThat(results).extracting(r -> r.get("rowNumber")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(readResults(inbox.resolve("results/clean.errors.csv"))).isEmpty();
        assertThat(calls()).isEqualTo(3);
        assertThat(ledger.investors().count()).isEqualTo(7);
        assertThat(ledger.investors().zestPersonId("inv-1")).contains(results.get(0).get("zestPersonId"));
    }

    @Test
    void everyKindOfBadRowIsReportedWithItsRowNumberAndReason() {
        drop(inbox, "bad.csv", InvestorFiles.BAD_ROWS);

        awaitDone("bad.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/bad.results.csv"));
        assertThat(results).extracting(InvestorFiles::outcome).containsExactlyElementsOf(InvestorFiles.BAD_ROWS_RESULTS);
        assertThat(results.get(7).get("errorMessage")).contains("row 1");
        assertThat(results.get(8).get("errorMessage")).contains("4 columns");
        assertThat(results).allSatisfy(r -> assertThat(r.get("retryable")).isIn("", "false"));
        List<CSVRecord> errors = readResults(inbox.resolve("results/bad.errors.csv"));
        assertThat(errors).extracting(r -> r.get("rowNumber"))
                .containsExactly("2", "3", "4", "5", "6", "7", "8", "9", "10", "11");
        assertThat(persons()).isEqualTo(2);
    }

    @Test
    void unreadableFilesGoToErrorWithAReport() throws Exception {
        database.skipOnPostgresql();
        drop(inbox, "columns.csv", "id,mail,name\n1,a@example.com,A\n");
        drop(inbox, "quote.csv", HEADER + "\ninv-1,\"a@example.com,A,B,1980-01-01,AE\n");
        drop(inbox, "prose.jsonl", "Dear Zest, here are our investors.\n");

        for (String name : List.of("columns.csv", "quote.csv", "prose.jsonl")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("error").resolve(name)));
        }
        assertThat(Files.readString(inbox.resolve("error/columns.csv.error.txt")))
                .contains("lacks the required column(s) [partnerInvestorId, email, firstName, lastName, dateOfBirth]");
        assertThat(Files.readString(inbox.resolve("error/quote.csv.error.txt"))).contains("Reason: ");
        assertThat(Files.readString(inbox.resolve("error/prose.jsonl.error.txt"))).contains("Not a JSON Lines file");
        assertThat(calls()).isZero();
        assertThat(inbox.resolve("done")).doesNotExist();
    }

    /** Fails on the old code: the whole file went to error/, reported at the row where an 8 KB buffer failed. */
    @Test
    void aRowWithBytesThatAreNotUtf8IsReportedByItsOwnNumberAndTheOthersAreImported() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int n = 1; n <= 2_000; n++) {
            csv.append(n == 1024 ? "inv-1024,jos\u00e9@example.com,Jos\u00e9,B,1980-01-01,ES" : InvestorFiles.row(n))
                    .append('\n');
        }
        Path directory = temp.resolve("accented");
        templatedRoute("accented-import", directory).parameter("batchSize", "500").add();
        drop(directory, "accented.csv", csv.toString().getBytes(StandardCharsets.ISO_8859_1));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve("done/accented.csv")));
        List<CSVRecord> results = readResults(directory.resolve("results/accented.results.csv"));
        assertThat(results).hasSize(2_000);
        CSVRecord bad = results.get(1023);
        assertThat(bad.get("rowNumber")).isEqualTo("1024");
        assertThat(bad.get("partnerInvestorId")).isEqualTo("inv-1024");
        assertThat(bad.get("status")).isEqualTo("invalid");
        assertThat(bad.get("errorCode")).isEqualTo("encoding");
        assertThat(bad.get("errorMessage")).contains("not valid UTF-8", "byte offset " + byteOffsetOfE(csv));
        assertThat(results).filteredOn(r -> r.get("status").equals("created")).hasSize(1_999);
        assertThat(persons()).isEqualTo(1_999);
    }

    private static int byteOffsetOfE(StringBuilder csv) {
        return csv.indexOf("jos\u00e9@") + 3; // one byte a character in ISO-8859-1
    }

    @Test
    void aPartnerExportingWindows1252SaysSo() {
        Path directory = temp.resolve("cp1252");
        templatedRoute("cp1252-import", directory).parameter("charset", "windows-1252").add();
        drop(directory, "accents.csv", (HEADER + "\ninv-1,jose@example.com,Jos\u00e9,M\u00fcller,1980-01-01,ES\n")
                .getBytes(Charset.forName("windows-1252")));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(directory.resolve("done/accents.csv")));
        assertThat(readResults(directory.resolve("results/accents.results.csv"))).extracting(r -> r.get("status"))
                .containsExactly("created");
    }

    /** Fails on the old code: a line or record had no bound, one malformed file could exhaust the heap. */
    @Test
    void aLineOrRecordOverItsBoundSendsTheFileToErrorWithAReportNamingTheBound() throws Exception {
        database.skipOnPostgresql();
        Path directory = temp.resolve("bounded");
        templatedRoute("bounded-import", directory).parameter("maxRecordLength", "1000").add();
        drop(directory, "long-line.jsonl", "{\"partnerInvestorId\":\"" + "x".repeat(50_000) + "\"}\n");
        drop(directory, "open-quote.csv", HEADER + "\ninv-1,\"" + "y\n".repeat(50_000));
        drop(directory, "long-row.csv", cleanCsv(1, 3) + "inv-9," + "z".repeat(1_500) + ",A,B,1980-01-01,AE\n");

        for (String name : List.of("long-line.jsonl", "open-quote.csv", "long-row.csv")) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(directory.resolve("error").resolve(name)));
            assertThat(Files.readString(directory.resolve("error").resolve(name + ".error.txt")))
                    .contains("longer than maxRecordLength (1000 characters)");
        }
        assertThat(calls()).isZero();
    }

    @Test
    void aFileOverTheSizeBoundIsRejectedWhole() throws Exception {
        database.skipOnPostgresql();
        Path directory = temp.resolve("small");
        templatedRoute("small-import", directory).parameter("maxFileSize", "100").add();
        drop(directory, "big.csv", cleanCsv(1, 10));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(directory.resolve("error/big.csv")));
        assertThat(Files.readString(directory.resolve("error/big.csv.error.txt")))
                .contains("more than maxFileSize (100 bytes)");
        assertThat(calls()).isZero();
    }

    /** Fails on the old code: cells were written back as they came, and a spreadsheet ran them as formulas. */
    @Test
    void formulaCellsAreNeutralisedInTheResults() throws Exception {
        drop(inbox, "formula.csv", HEADER + "\n\"=HYPERLINK(\"\"http://evil.example\"\")\",x@example.com,A,B,1980-13-01,AE\n"
                + "@SUM(1),y@example.com,A,B,1980-01-01,AE\n-2+3,z@example.com,A,B,1980-01-01,AE\n");

        awaitDone("formula.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/formula.results.csv"));
        assertThat(results).extracting(r -> r.get("partnerInvestorId"))
                .containsExactly("'=HYPERLINK(\"http://evil.example\")", "'@SUM(1)", "'-2+3");
        assertThat(readResults(inbox.resolve("results/formula.errors.csv")).get(0).get("partnerInvestorId"))
                .startsWith("'=");
    }

    /** The names of partners' files reach no endpoint URI: a name full of URI syntax is just a name. */
    @Test
    void aFileNameWithUriSyntaxSteersNoEndpoint() throws Exception {
        String name = "x)&fileName=escaped.csv&delete=true&exclude=(.csv";
        drop(inbox, name, cleanCsv(1, 2));

        awaitDone(name);
        assertThat(readResults(inbox.resolve("results").resolve(
                "x)&fileName=escaped.csv&delete=true&exclude=(.results.csv"))).hasSize(2);
        try (var files = Files.walk(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("escaped.csv");
        }
    }

    /** The directory is polled first initialPollDelay after the start (one second unless set), then every pollDelay. */
    @Test
    void theFirstPollComesAfterInitialPollDelay() throws Exception {
        database.skipOnPostgresql();
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE).routeId("defaults-import")
                .parameter("directory", temp.resolve("defaults").toString())
                .parameter("dataDirectory", temp.resolve("data").toString()).parameter("zestUri", zestUri).add();

        ScheduledPollConsumer configured = (ScheduledPollConsumer) camel.getRoute("investor-import").getConsumer();
        assertThat(configured.getInitialDelay()).isZero();
        assertThat(configured.getDelay()).isEqualTo(100);
        ScheduledPollConsumer defaults = (ScheduledPollConsumer) camel.getRoute("defaults-import").getConsumer();
        assertThat(defaults.getInitialDelay()).isEqualTo(1000);
        assertThat(defaults.getDelay()).isEqualTo(5000);
    }

    private TemplatedRouteBuilder templatedRoute(String routeId, Path directory) {
        return TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId(routeId)
                .parameter("directory", directory.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "200");
    }

    @Test
    void byteOrderMarkAndMappedColumnsAreRead() {
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId("mapped-import")
                .parameter("directory", temp.resolve("mapped").toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("csvDelimiter", ";")
                .parameter("headerMapping", "partnerInvestorId=Client Ref, email=E-mail,dateOfBirth=Born")
                .add();
        drop(temp.resolve("mapped"), "kyc.csv", "\uFEFFClient Ref;E-MAIL;firstName;lastName;Born\n"
                + "c-1;c1@example.com;Ann;Lee;1970-05-06\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(temp.resolve("mapped/done/kyc.csv")));
        List<CSVRecord> results = readResults(temp.resolve("mapped/results/kyc.results.csv"));
        assertThat(results).extracting(r -> r.get("partnerInvestorId") + " " + r.get("status"))
                .containsExactly("c-1 created");
    }

    @Test
    void jsonLinesFileGetsJsonLinesResults() throws Exception {
        drop(inbox, "batch.jsonl", """
                {"partnerInvestorId":"j-1","email":"j1@example.com","firstName":"J","lastName":"One","dateOfBirth":"1990-01-31"}

                {"partnerInvestorId":"j-2","email":"j2@example.com","firstName":"J","lastName":"Two","dateOfBirth":"1990-02-31"}
                {"partnerInvestorId":"j-3", "email":
                {"partnerInvestorId":"j-4","email":"j4@example.com","firstName":"J","lastName":"Four","dateOfBirth":"1990-04-01","countryOfResidence":"FR"}
                """);

        awaitDone("batch.jsonl");
        List<String> lines = Files.readAllLines(inbox.resolve("results/batch.results.jsonl"));
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("\"rowNumber\":1", "\"status\":\"created\"", "\"zestPersonId\":\"psn_");
        assertThat(lines.get(1)).contains("\"rowNumber\":2", "\"status\":\"invalid\"", "\"errorField\":\"dateOfBirth\"");
        assertThat(lines.get(2)).contains("\"rowNumber\":3", "\"status\":\"invalid\"", "not valid JSON");
        assertThat(lines.get(3)).contains("\"rowNumber\":4", "\"status\":\"created\"");
        assertThat(Files.readString(inbox.resolve("results/batch.summary.json")))
                .contains("\"outcome\" : \"completed\"", "\"created\" : 2", "\"invalid\" : 2");
    }

    @Test
    void aRepeatedDropComesBackAlreadyExistsWithTheSamePersons() {
        drop(inbox, "monday.csv", cleanCsv(1, 5));
        awaitDone("monday.csv");
        drop(inbox, "tuesday.csv", cleanCsv(1, 5));
        awaitDone("tuesday.csv");

        List<CSVRecord> first = readResults(inbox.resolve("results/monday.results.csv"));
        List<CSVRecord> second = readResults(inbox.resolve("results/tuesday.results.csv"));
        assertThat(second).extracting(r -> r.get("status")).containsOnly("already_exists");
        assertThat(second).extracting(r -> r.get("zestPersonId"))
                .containsExactlyElementsOf(first.stream().map(r -> r.get("zestPersonId")).toList());
        assertThat(persons()).isEqualTo(5);
    }

    /**
     * Imported again, and nothing of the earlier import is replaced: its input keeps done/daily.csv and its results
     * their names; the new input moves to done/daily-2.csv, its results are stamped with the time the import began.
     */
    @Test
    void theSameFileNameDroppedAgainIsImportedAgainBesideTheEarlierOne() throws Exception {
        drop(inbox, "daily.csv", cleanCsv(1, 2));
        awaitDone("daily.csv");
        drop(inbox, "daily.csv", cleanCsv(1, 3));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/daily-2.csv")));
        assertThat(persons()).isEqualTo(3);
        assertThat(inbox.resolve("done/daily.csv")).content().hasLineCount(3);
        assertThat(inbox.resolve("done/daily-2.csv")).content().hasLineCount(4);
        assertThat(readResults(inbox.resolve("results/daily.results.csv"))).extracting(r -> r.get("status"))
                .containsExactly("created", "created");
        Path stamped;
        try (Stream<Path> results = Files.list(inbox.resolve("results"))) {
            stamped = results.filter(p -> p.getFileName().toString().matches("daily\\.\\d{8}T\\d{6}Z\\.results\\.csv"))
                    .findFirst().orElseThrow();
        }
        assertThat(readResults(stamped)).extracting(r -> r.get("status"))
                .containsExactly("already_exists", "already_exists", "created");
        String summary = Files.readString(inbox.resolve("results").resolve(
                stamped.getFileName().toString().replace(".results.csv", ".summary.json")));
        assertThat(summary).contains("\"resultsFile\" : \"" + stamped.getFileName() + "\"");
    }

    @Test
    void transientFailuresAreRetriedAndTheFileCompletes() {
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, 2, 0, true);
        drop(inbox, "flaky.csv", cleanCsv(1, 7));

        awaitDone("flaky.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/flaky.results.csv"));
        assertThat(results).hasSize(7);
        // a retry carries its batch's Idempotency-Key: Zest replays the first answer, created, not already_exists
        assertThat(results).extracting(r -> r.get("status")).containsOnly("created");
        assertThat(persons()).isEqualTo(7);
        assertThat(calls()).isEqualTo(5);
        assertThat(SandboxZest.bulkCalls(SANDBOX).stream().map(call -> call.idempotencyKey()).distinct()).hasSize(3);
    }

    @Test
    void aRefusedImportLeavesTheFileInPlaceWithTheReason() throws Exception {
        database.skipOnPostgresql();
        PartnerCredentials unknown = PartnerCredentials.generate("not-provisioned");
        Path directory = temp.resolve("refused");
        templatedRoute("refused-import", directory)
                .parameter("zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, unknown, temp.resolve("keys")))
                .add();
        drop(directory, "refused.csv", cleanCsv(1, 4));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(directory.resolve("results/refused.summary.json")));
        String summary = Files.readString(directory.resolve("results/refused.summary.json"));
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "401", "Unknown client not-provisioned");
        int exchanges = tokenExchanges();
        // held back: no more calls while the hold lasts, and the file stays where it was
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(5)).until(() -> tokenExchanges() == exchanges);
        assertThat(calls()).isZero();
        assertThat(directory.resolve("refused.csv")).exists();
        assertThat(directory.resolve("done")).doesNotExist();
        assertThat(directory.resolve("results/refused.results.csv")).doesNotExist();
    }

    @Test
    void aLedgerThatCannotRecordStopsTheImportAndTheFileStays() throws Exception {
        ledger.close();
        drop(inbox, "unrecorded.csv", cleanCsv(1, 10));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(inbox.resolve("results/unrecorded.summary.json")));
        String summary = Files.readString(inbox.resolve("results/unrecorded.summary.json"));
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "has been closed");
        assertThat(inbox.resolve("unrecorded.csv")).exists();
        assertThat(inbox.resolve("results/unrecorded.results.csv")).doesNotExist();
    }

    /** Each bulk call answers a second late: the ledger is closed while the first batch's persons are recorded. */
    @Test
    void aLedgerClosedMidImportStopsItAfterTheRecordedBatchesAndTheFileStays() throws Exception {
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 0, 100, 1_000, true);
        drop(inbox, "interrupted.csv", cleanCsv(1, 10));

        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.investors().count() >= 3);
        ledger.close();

        await().atMost(Duration.ofSeconds(20))
                .until(() -> Files.exists(inbox.resolve("results/interrupted.summary.json")));
        assertThat(Files.readString(inbox.resolve("results/interrupted.summary.json")))
                .contains("\"outcome\" : \"stopped\"", "has been closed");
        assertThat(inbox.resolve("interrupted.csv")).exists();
        assertThat(inbox.resolve("done")).doesNotExist();
    }

    /**
     * A file is "still being written" for as long as its modification time is younger than readLockMinAge: the
     * test holds the writer part-way, sees the route wait on the file's read lock, and lets the writer finish by
     * ageing the file. (A writer racing the changed-size check's interval only tests the machine's load.)
     */
    @Test
    void aFileStillBeingWrittenIsNotPickedUp() throws Exception {
        Path directory = temp.resolve("slow-writer");
        templatedRoute("slow-writer-import", directory).parameter("readLockMinAge", "600000").add();
        Files.createDirectories(directory);
        Path growing = directory.resolve("growing.csv");
        try (var out = Files.newBufferedWriter(growing)) {
            out.write(HEADER + "\n");
            for (int n = 1; n <= 5; n++) {
                out.write(InvestorFiles.row(n) + "\n");
            }
            out.flush();

            // the writer is paused half-way: the route has seen the file and waits for its read lock
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> Files.exists(directory.resolve("growing.csv.camelLock")));
            assertThat(calls()).isZero();
            assertThat(directory.resolve("done")).doesNotExist();
            assertThat(directory.resolve("results")).doesNotExist();

            for (int n = 6; n <= 10; n++) {
                out.write(InvestorFiles.row(n) + "\n");
            }
        }
        Files.setLastModifiedTime(growing, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(directory.resolve("done/growing.csv")));
        assertThat(readResults(directory.resolve("results/growing.results.csv"))).hasSize(10)
                .extracting(r -> r.get("status")).containsOnly("created");
    }

    @Test
    void progressIsCountedInMicrometer() {
        drop(inbox, "metered.csv", HEADER + "\n" + dev.camelzest.routes.testing.InvestorFiles.row(1)
                + "\ninv-2,bad,A,B,1980-01-01,AE\n");
        awaitDone("metered.csv");

        var registry = ImportMetrics.registry(camel);
        String rows = ImportMetrics.rowsMeter("investor");
        assertThat(registry.get(rows).tags("route", "investor-import", "status", "read").counter()
                .count()).isEqualTo(2.0);
        assertThat(registry.get(rows).tags("route", "investor-import", "status", "created").counter()
                .count()).isEqualTo(1.0);
        assertThat(registry.get(rows).tags("route", "investor-import", "status", "invalid").counter()
                .count()).isEqualTo(1.0);
        assertThat(registry.get(ImportMetrics.filesMeter("investor")).tags("route", "investor-import", "outcome", "completed")
                .counter().count()).isEqualTo(1.0);
    }

    private static int calls() {
        return SandboxZest.bulkCalls(SANDBOX).size();
    }

    private static int persons() {
        return SANDBOX.sandbox().context().state().persons().size();
    }

    private static int tokenExchanges() {
        return SandboxZest.calls(SANDBOX, "POST", "/v1/oauth2/tokens").size();
    }

    private void awaitDone(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done").resolve(name)));
        assertThat(inbox.resolve(name)).doesNotExist();
    }
}
