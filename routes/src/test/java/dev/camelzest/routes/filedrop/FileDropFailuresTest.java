package dev.camelzest.routes.filedrop;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.investors.HeaderMapping;
import dev.camelzest.routes.investors.InvestorFlow;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.routes.testing.WarningLog;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failure paths of the import's own threads through the whole route, against the sandbox with the ledger on H2:
 * a failure on the reading thread (a row check), at the start of a file, on the recording thread (the results file,
 * the ledger), a call's redelivery due once the import ended, and the stop's own report failing. Each ends with the
 * file in place and a summary naming the failure, nothing marked done, every batch Zest answered recorded, and the
 * route free for the next file. Where no real part can fail on cue (a row check, a full disk, two calls failing in
 * a given order), the investor flow is wrapped ({@link Faults}) or its calls pass a gate ({@code direct:zest}).
 */
class FileDropFailuresTest {

    private static final String TEMPLATE = "faulty-investor-import";
    private static final int BATCH = 2;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private final Faults faults = new Faults();
    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;
    private String zestUri;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        inbox = temp.resolve("inbox");
        zestUri = SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new FaultyInvestorTemplates());
        camel.getRegistry().bind(Faults.NAME, faults);
        // a test that fails by hanging must not also wait out Camel's 45 s for the exchange it hangs in
        camel.getShutdownStrategy().setTimeout(5);
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    /**
     * A row check failing on the reading thread part-way: the batches before it are sent and recorded, the file
     * stops there with the check's failure, and nothing is marked done.
     */
    @Test
    void aRowCheckFailingOnTheReadingThreadStopsTheFileAfterTheBatchesBeforeIt() throws Exception {
        faults.checkFailsAtRow(9, () -> new IllegalStateException("the scratch store is corrupt"));
        importRoute("checked", Map.of());
        InvestorFiles.drop(inbox, "checked.csv", cleanCsv(1, 12));

        String summary = awaitSummary("checked");
        assertThat(summary).contains("\"outcome\" : \"stopped\"",
                "IllegalStateException: the scratch store is corrupt");
        assertStoppedInPlace("checked");
        assertCountsWhatZestCreated(summary);
        assertThat(createdIn(summary)).as("no row from the failed check on").isLessThan(8 + 1);
    }

    /**
     * The same with an I/O error (the check's scratch store on a failing disk): a transient kind of failure, but not
     * a call's. It was redelivered as if it were one: the redelivered split found its batches closed, the call's
     * redelivery step failed on the file (NullPointerException, which the summary then named), and only that kept the
     * split from finding no batch left and completing the file without its remaining rows.
     */
    @Test
    void anIoErrorOnTheReadingThreadStopsTheFileWithThatErrorAndNothingIsDone() throws Exception {
        faults.checkFailsAtRow(9, () -> new UncheckedIOException(new IOException("Input/output error")));
        try (WarningLog log = WarningLog.open()) {
            importRoute("unread", Map.of());
            InvestorFiles.drop(inbox, "unread.csv", cleanCsv(1, 12));

            String summary = awaitSummary("unread");
            assertThat(summary).contains("\"outcome\" : \"stopped\"", "IOException: Input/output error")
                    .doesNotContain("NullPointerException");
            assertStoppedInPlace("unread");
            assertCountsWhatZestCreated(summary);
            assertThat(log.lines()).as("not retried: the file's batches are read once")
                    .noneMatch(line -> line.contains("On delivery attempt"));
        }
    }

    /**
     * An Error in a row check (a StackOverflowError in a pattern): the file stops with it. The reading once ended
     * there as if the file had, and the file completed and moved to done without its remaining rows.
     */
    @Test
    void anErrorInARowCheckStopsTheFileInsteadOfCompletingItWithoutItsLastRows() throws Exception {
        faults.checkFailsAtRow(9, () -> new StackOverflowError());
        importRoute("overflow", Map.of());
        InvestorFiles.drop(inbox, "overflow.csv", cleanCsv(1, 12));

        String summary = awaitSummary("overflow");
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "StackOverflowError");
        assertStoppedInPlace("overflow");
        assertCountsWhatZestCreated(summary);
    }

    /**
     * An Error recording a batch (a StackOverflowError writing its results): the file stops with it. The batch once
     * passed for recorded, the ones after it were recorded, and the file completed with that batch's rows missing
     * from its results.
     */
    @Test
    void anErrorRecordingABatchStopsTheFileInsteadOfCompletingItWithoutThatBatch() throws Exception {
        faults.writeFailsAtRow(5, () -> new StackOverflowError("a cell too deep to write"));
        importRoute("overflowing", Map.of());
        InvestorFiles.drop(inbox, "overflowing.csv", cleanCsv(1, 12));

        String summary = awaitSummary("overflowing");
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "StackOverflowError: a cell too deep to write");
        assertStoppedInPlace("overflowing");
    }

    /**
     * A reason to reject the file found only by the reading as the batches go out (the file changed under the
     * import): it goes to the error directory, and its report says how many rows Zest got, as the ledger holds them,
     * instead of that none was sent.
     */
    @Test
    void aFileFoundUnreadableAfterBatchesWereSentIsReportedWithTheRowsSent() throws Exception {
        faults.checkFailsAtRow(9, () -> new UnreadableFileException("Line 10 is longer than maxRecordBytes"));
        importRoute("changed", Map.of());
        InvestorFiles.drop(inbox, "changed.csv", cleanCsv(1, 12));

        Path report = inbox.resolve("error").resolve("changed.csv.error.txt");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(report));
        long sent = ledger.investors().count();
        assertThat(sent).as("the batches before the failing row").isPositive().isEqualTo(
                (long) SandboxZest.bulkCalls(SANDBOX).size() * BATCH);
        assertThat(Files.readString(report)).contains("Line 10 is longer than maxRecordBytes",
                sent + " rows of this file were sent to Zest and recorded in the ledger before it could not be read"
                        + " further; no other row was sent.")
                .doesNotContain("No row of this file was sent");
    }

    /**
     * The last guard against a file completed without all its rows: when fewer rows have an outcome than the first
     * reading counted (here a flow whose recording loses a row's outcome), the file stops in place.
     */
    @Test
    void aFileWhoseRowsDoNotAllHaveAnOutcomeIsNotCompleted() throws Exception {
        faults.outcomeLostAtRow(7);
        importRoute("short", Map.of());
        InvestorFiles.drop(inbox, "short.csv", cleanCsv(1, 12));

        String summary = awaitSummary("short");
        assertThat(summary).contains("\"outcome\" : \"stopped\"",
                "11 of the 12 rows of short.csv have an outcome: the file is not completed");
        assertStoppedInPlace("short");
    }

    /**
     * A transient failure starting a file (reading it for the first check): the file stops with it, and the route
     * goes on with the next files. It was redelivered with the call's redelivery step, which failed on the file's
     * exchange after the start had begun reading it ahead: that reading was never closed, held the route's one
     * reading thread for good, and every later file of the route waited for its first batch for ever.
     */
    @Test
    void aTransientFailureStartingAFileStopsItAndTheNextFilesAreStillImported() throws Exception {
        faults.openFailsOnce(new UncheckedIOException(new IOException("Stale file handle")));
        importRoute("started", Map.of("retryStoppedAfter", "1s"));
        InvestorFiles.drop(inbox, "first.csv", cleanCsv(1, 12));

        String summary = awaitSummary("first");
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "IOException: Stale file handle");
        InvestorFiles.drop(inbox, "second.csv", cleanCsv(101, 12));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/second.csv")));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/first.csv")));
        assertThat(InvestorFiles.readResults(inbox.resolve("results/second.results.csv"))).hasSize(12)
                .extracting(r -> r.get("status")).containsOnly("created");
        assertThat(ledger.investors().count()).isEqualTo(24);
    }

    /**
     * The staged results file cannot be written (a full disk) while the last batch is recorded: the end of the
     * file fails with it at once, not after redeliveries of a step that cannot succeed, and nothing is published.
     */
    @Test
    void aResultsFileThatCannotBeWrittenStopsTheFileAtItsEnd() throws Exception {
        faults.writeFailsAtRow(11);
        try (WarningLog log = WarningLog.open()) {
            importRoute("full", Map.of());
            InvestorFiles.drop(inbox, "full.csv", cleanCsv(1, 12));

            String summary = awaitSummary("full");
            assertThat(summary).contains("\"outcome\" : \"stopped\"", "IOException: No space left on device");
            assertStoppedInPlace("full");
            assertThat(log.lines()).as("not retried").noneMatch(line -> line.contains("On delivery attempt"));
        }
    }

    /**
     * The ledger refuses the rows of a file's only batch: the failure reaches the end of the file (the recorder
     * waited for), which stops, records no completion and publishes nothing.
     */
    @Test
    void aLedgerFailingOnTheLastBatchStopsTheFileAtItsEnd() throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE investors ADD CONSTRAINT refused_by_this_test CHECK (1 = 0)");
        }
        importRoute("refusing", Map.of("batchSize", "500"));
        InvestorFiles.drop(inbox, "refused.csv", cleanCsv(1, 3));

        String summary = awaitSummary("refused");
        assertThat(summary).contains("\"outcome\" : \"stopped\"").containsIgnoringCase("refused_by_this_test");
        assertStoppedInPlace("refused");
        assertThat(SandboxZest.bulkCalls(SANDBOX)).as("sent, answered, not recorded").hasSize(1);
        assertThat(ledger.investors().count()).isZero();
    }

    /**
     * One batch's call fails on the way (connection refused) and waits for its redelivery; meanwhile Zest refuses
     * the other batch's call and the import ends. The redelivery then finds the import ended and is not sent: it
     * was, without a permit and after the stop stopped waiting for it (Camel sends a redelivery even when its
     * {@code onRedelivery} step failed), so Zest acted on a call the stopped summary does not count.
     */
    @Test
    void aRedeliveryDueAfterTheImportEndedIsNotSent() throws Exception {
        Map<Long, AtomicInteger> attempts = new ConcurrentHashMap<>();
        CountDownLatch firstFailed = new CountDownLatch(1);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a failure here is the call's, handled by the import route as the zest: endpoint's would be
                errorHandler(noErrorHandler());
                from("direct:zest").process(exchange -> {
                    long batch = exchange.getProperty(FileDropImport.BATCH, Long.class);
                    int attempt = attempts.computeIfAbsent(batch, b -> new AtomicInteger()).incrementAndGet();
                    if (batch == 1 && attempt == 1) {
                        firstFailed.countDown();
                        throw new ConnectException("Connection refused");
                    }
                    if (batch == 2) {
                        assertThat(firstFailed.await(20, TimeUnit.SECONDS)).isTrue();
                        throw new ZestApiException("bulkCreateInvestors", 403, "forbidden", "err-1",
                                "Partner suspended", List.of(), false, null);
                    }
                }).to(zestUri);
            }
        });
        // the redelivery is due two seconds after the failure; the refusal ends the import well before
        importRoute("redelivered", Map.of("zestUri", "direct:zest", "redeliveryDelay", "2000"));
        InvestorFiles.drop(inbox, "redelivered.csv", cleanCsv(1, 2 * BATCH));

        String summary = awaitSummary("redelivered");
        assertThat(summary).contains("\"outcome\" : \"stopped\"", "403");
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getInflightRepository().size() == 0);
        assertThat(attempts.get(1L)).as("the redelivery was not sent").hasValue(1);
        assertThat(SandboxZest.bulkCalls(SANDBOX)).isEmpty();
        assertStoppedInPlace("redelivered");
    }

    /**
     * Zest refuses two batches' calls at once, and the stopped summary cannot be written (the results directory is
     * a file): the batch that met the end second, waiting for the first's report, is let go all the same, and the
     * file's exchange ends at once, instead of after the seven minutes that batch would wait.
     */
    @Test
    void aStopWhoseSummaryCannotBeWrittenStillEndsEveryBatchThatMetIt() throws Exception {
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("results"), "not a directory");
        CountDownLatch bothAtZest = new CountDownLatch(2);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // a failure here is the call's, handled by the import route as the zest: endpoint's would be
                errorHandler(noErrorHandler());
                from("direct:zest").process(exchange -> {
                    bothAtZest.countDown();
                    assertThat(bothAtZest.await(20, TimeUnit.SECONDS)).isTrue();
                    throw new ZestApiException("bulkCreateInvestors", 403, "forbidden", "err-2", "Partner suspended",
                            List.of(), false, null);
                });
            }
        });
        try (WarningLog log = WarningLog.open()) {
            importRoute("unreported", Map.of("zestUri", "direct:zest"));
            InvestorFiles.drop(inbox, "unreported.csv", cleanCsv(1, 2 * BATCH));

            assertThat(bothAtZest.await(20, TimeUnit.SECONDS)).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> log.lines().stream()
                    .anyMatch(line -> line.contains("unreported.csv stopped")));
            await().atMost(Duration.ofSeconds(30)).until(() -> camel.getInflightRepository().size() == 0);
        }
        assertThat(inbox.resolve("unreported.csv")).as("left in place").exists();
        assertThat(inbox.resolve("done")).doesNotExist();
    }

    private void importRoute(String routeId, Map<String, String> parameters) throws Exception {
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, TEMPLATE)
                .routeId(routeId)
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("batchSize", String.valueOf(BATCH))
                .parameter("maxBatchesInFlight", "2")
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "100")
                .parameter("redeliveryDelay", "10");
        parameters.forEach(route::parameter);
        route.add();
    }

    private String awaitSummary(String baseName) throws IOException {
        Path summary = inbox.resolve("results").resolve(baseName + ".summary.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(summary));
        return Files.readString(summary);
    }

    private void assertStoppedInPlace(String baseName) {
        assertThat(inbox.resolve(baseName + ".csv")).as("left in place for a later run").exists();
        assertThat(inbox.resolve("done")).as("nothing marked done").doesNotExist();
        assertThat(inbox.resolve("results").resolve(baseName + ".results.csv")).as("no results published")
                .doesNotExist();
    }

    /** The stopped summary counts what Zest created, as the ledger does: every call sent was recorded. */
    private void assertCountsWhatZestCreated(String summary) {
        long created = createdIn(summary);
        assertThat(created).isEqualTo((long) SandboxZest.bulkCalls(SANDBOX).size() * BATCH);
        assertThat(ledger.investors().count()).isEqualTo(created);
    }

    private static long createdIn(String summary) {
        Matcher created = Pattern.compile("\"created\" : (\\d+)").matcher(summary);
        assertThat(created.find()).as("a created count in " + summary).isTrue();
        return Long.parseLong(created.group(1));
    }

    /** The investor import of a local directory, its flow wrapped in the test's {@link Faults}. */
    static final class FaultyInvestorTemplates extends RouteBuilder {

        @Override
        public void configure() {
            FileDropRoutes.fileTemplate(this, TEMPLATE, new FileDropRoutes.Flow("Investor files, with faults",
                    "(?i).*\\.csv", "zest:bulkCreateInvestors", "500", false, "4", null,
                    flow -> new FaultyFlow<>(new InvestorFlow(HeaderMapping.parse(""), ',', flow.ledger().investors()),
                            flow.parameters().getCamelContext().getRegistry()
                                    .lookupByNameAndType(Faults.NAME, Faults.class))));
        }
    }

    /** The failures a test asks of its {@link FaultyFlow}. */
    static final class Faults {

        static final String NAME = "fileDropFaults";

        private volatile long checkFailsAtRow = -1;
        private volatile Supplier<Throwable> checkFailure;
        private final AtomicInteger openFailures = new AtomicInteger();
        private volatile RuntimeException openFailure;
        private volatile long writeFailsAtRow = -1;
        private volatile Supplier<Throwable> writeFailure;
        private volatile long outcomeLostAtRow = -1;

        /** The row check of that row fails on the reading thread. */
        void checkFailsAtRow(long row, Supplier<Throwable> failure) {
            checkFailure = failure;
            checkFailsAtRow = row;
        }

        /** The next opening of a file fails (the start's first reading of it). */
        void openFailsOnce(RuntimeException failure) {
            openFailure = failure;
            openFailures.set(1);
        }

        /** Writing that row to the staged results fails on the recording thread, as a full disk would. */
        void writeFailsAtRow(long row) {
            writeFailsAtRow(row, () -> new UncheckedIOException(new IOException("No space left on device")));
        }

        /** The flow's recording of that row answers no outcome for it. */
        void outcomeLostAtRow(long row) {
            outcomeLostAtRow = row;
        }

        void writeFailsAtRow(long row, Supplier<Throwable> failure) {
            writeFailure = failure;
            writeFailsAtRow = row;
        }

        static RuntimeException thrown(Supplier<Throwable> failure) {
            Throwable thrown = failure.get();
            if (thrown instanceof Error error) {
                throw error;
            }
            return (RuntimeException) thrown;
        }
    }

    /** A flow as its delegate, failing as its {@link Faults} say. */
    static final class FaultyFlow<R extends DropRow, O extends RowOutcome> implements FileDropFlow<R, O> {

        private final FileDropFlow<R, O> flow;
        private final Faults faults;

        FaultyFlow(FileDropFlow<R, O> flow, Faults faults) {
            this.flow = flow;
            this.faults = faults;
        }

        @Override
        public String title() {
            return flow.title();
        }

        @Override
        public String meterName() {
            return flow.meterName();
        }

        @Override
        public List<FileFormat> formats() {
            return flow.formats();
        }

        @Override
        public Set<RowStatus> statuses() {
            return flow.statuses();
        }

        @Override
        public RowReader<R> open(Path file, FileFormat format, ReadLimits limits) {
            if (faults.openFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw faults.openFailure;
            }
            return flow.open(file, format, limits);
        }

        @Override
        public RowCheck<R, O> check(Path scratchDirectory) {
            RowCheck<R, O> check = flow.check(scratchDirectory);
            return new RowCheck<>() {
                @Override
                public Checked<R, O> check(R row) {
                    if (row.rowNumber() == faults.checkFailsAtRow) {
                        throw Faults.thrown(faults.checkFailure);
                    }
                    return check.check(row);
                }

                @Override
                public void close() {
                    check.close();
                }
            };
        }

        @Override
        public List<ZestCall<O>> calls(List<R> rows) {
            return flow.calls(rows);
        }

        @Override
        public List<O> record(List<R> rows, List<O> outcomes, String fileName, String importId) {
            return flow.record(rows, outcomes, fileName, importId).stream()
                    .filter(outcome -> outcome.rowNumber() != faults.outcomeLostAtRow).toList();
        }

        @Override
        public ResultColumns<O> columns() {
            ResultColumns<O> columns = flow.columns();
            return new ResultColumns<>(columns.names(), outcome -> {
                if (outcome.rowNumber() == faults.writeFailsAtRow) {
                    throw Faults.thrown(faults.writeFailure);
                }
                return columns.values().apply(outcome);
            });
        }
    }
}
