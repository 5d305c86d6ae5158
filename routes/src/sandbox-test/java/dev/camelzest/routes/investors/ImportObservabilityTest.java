package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.fixtures.tracing.InMemoryTracing;
import dev.camelzest.routes.filedrop.FileDropImport;
import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.micrometer.core.instrument.Gauge;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PropertyBindingSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What an operator sees of one file of two batches being imported: its rows in flight while their calls are open;
 * one trace from the file's route through its batches' Zest calls to its results, which Zest joins; and the file,
 * batch and rows on the log lines written for a batch, on the calling and the recording threads, as JSON fields.
 */
class ImportObservabilityTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();
    private static final String ROUTE = "observed-import";

    @TempDir
    Path temp;

    private final CountDownLatch release = new CountDownLatch(1);
    private final InMemoryTracing tracing = new InMemoryTracing();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;

    @BeforeEach
    void start() {
        SANDBOX.admin().reset();
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        inbox = temp.resolve("inbox");
        lines.start();
        root.addAppender(lines);
    }

    @AfterEach
    void stop() {
        release.countDown();
        camel.stop();
        ledger.close();
        tracing.close();
        root.detachAppender(lines);
    }

    /** Both batches of the file are handed to their calls, which wait at Zest's door: six rows in flight. */
    @Test
    void rowsInFlightAreTheRowsOfTheCallsNotYetRecorded() throws Exception {
        String sandboxUri = SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").process(exchange -> release.await(20, TimeUnit.SECONDS)).to(sandboxUri);
            }
        });
        startImport("direct:zest");
        InvestorFiles.drop(inbox, "observed.csv", InvestorFiles.cleanCsv(1, 6));

        await().atMost(Duration.ofSeconds(20)).until(() -> rowsInFlight() == 6.0);
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/observed.csv")));
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsInFlight() == 0.0);
    }

    /** Its calls on the calling threads, the first one sent twice, the results written after: all one trace. */
    @Test
    void aFileIsOneTraceThatZestJoins() throws Exception {
        tracing.install(camel);
        importWithAFailedCall();

        // the route's span ends once its exchange is done, just after the file moved
        SpanData file = await().atMost(Duration.ofSeconds(10)).until(() -> tracing.spans().stream()
                .filter(span -> !span.getParentSpanContext().isValid())
                .filter(span -> attribute(span, "camel.uri").startsWith("file:")).findFirst().orElse(null),
                found -> found != null);
        List<SpanData> trace = tracing.spans().stream()
                .filter(span -> span.getTraceId().equals(file.getTraceId())).toList();
        List<SpanData> calls = tracing.spans().stream()
                .filter(span -> span.getName().equals("zest:bulkCreateInvestors")).toList();
        assertThat(calls).as("two batches, the first sent twice").hasSize(3).allSatisfy(call -> {
            assertThat(call.getTraceId()).isEqualTo(file.getTraceId());
            assertThat(attribute(call, "zest.operation")).isEqualTo("bulkCreateInvestors");
        });
        assertThat(trace).as("the results written in the file's trace")
                .anyMatch(span -> attribute(span, "camel.uri").contains("/results"));
        Set<String> callSpans = calls.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        List<RecordedRequest> atZest = SandboxZest.calls(SANDBOX, "POST", SandboxZest.INVESTORS);
        assertThat(atZest).hasSize(3).allSatisfy(request -> {
            String[] traceparent = request.traceparent().split("-");
            assertThat(traceparent[1]).isEqualTo(file.getTraceId());
            assertThat(callSpans).contains(traceparent[2]);
        });
    }

    /** Lines of a batch's calling thread and of the recording thread: the file, the batch and its rows as fields. */
    @Test
    void aBatchNamesItselfOnItsLogLines() throws Exception {
        logFields();
        importWithAFailedCall();

        ILoggingEvent failedCall = line(event -> event.getFormattedMessage().startsWith("Zest call bulkCreateInvestors"));
        assertThat(failedCall.getThreadName()).contains("ZestFileDropCall");
        assertThat(failedCall.getMDCPropertyMap()).containsEntry(Exchange.FILE_NAME, "observed.csv")
                .containsEntry(ZestConstants.OPERATION, "bulkCreateInvestors")
                .containsKey(FileDropImport.BATCH).containsKey(FileDropImport.ROWS);
        ILoggingEvent secondBatchRecorded = line(event -> event.getFormattedMessage().contains("6 of 6 rows read"));
        assertThat(secondBatchRecorded.getThreadName()).contains("ZestFileDropRecorder");
        JsonNode json = new ObjectMapper().readTree(asJson(secondBatchRecorded));
        assertThat(json.path("mdc").path(Exchange.FILE_NAME).asText()).isEqualTo("observed.csv");
        assertThat(json.path("mdc").path(FileDropImport.BATCH).asText()).isEqualTo("2");
        assertThat(json.path("mdc").path(FileDropImport.ROWS).asText()).isEqualTo("4-6");
    }

    /** A file of two batches, the first call answered 503 and sent again: the component logs the failed call. */
    private void importWithAFailedCall() throws Exception {
        startImport(SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")));
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, 1, 0, false);
        InvestorFiles.drop(inbox, "observed.csv", InvestorFiles.cleanCsv(1, 6));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/observed.csv")));
    }

    /**
     * camel-mdc's service as {@code camel.mdc.*} sets it up in the application: the file and the batch's fields on the
     * lines. Found as Camel Main finds it (camel-mdc exists from Camel 4.18 on: no type of it is named here).
     */
    private void logFields() throws Exception {
        Object mdc = camel.getCamelContextExtension().getBootstrapFactoryFinder().newInstance("mdc-service")
                .orElseThrow();
        CamelContextAware.trySetCamelContext(mdc, camel);
        PropertyBindingSupport.build().bind(camel, mdc, new HashMap<>(Map.of("customHeaders", Exchange.FILE_NAME,
                "customProperties", FileDropImport.BATCH + "," + FileDropImport.ROWS)));
        ServiceHelper.initService(mdc);
    }

    /** The investor import from a local directory, two batches of three rows at once. */
    private void startImport(String zestUri) throws Exception {
        camel.addRoutes(new InvestorImportTemplates());
        camel.start();
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId(ROUTE)
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("batchSize", "3")
                .parameter("maxBatchesInFlight", "2")
                .parameter("progressInterval", "0ms") // every recorded batch: two can be recorded within a millisecond
                .parameter("pollDelay", "100")
                .parameter("readLockCheckInterval", "100")
                .parameter("redeliveryDelay", "100")
                .add();
    }

    private double rowsInFlight() {
        Gauge gauge = ImportMetrics.registry(camel).find(ImportMetrics.rowsInFlightMeter("investor"))
                .tag("route", ROUTE).gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private ILoggingEvent line(java.util.function.Predicate<ILoggingEvent> which) {
        synchronized (lines) {
            return lines.list.stream().filter(which).findFirst()
                    .orElseThrow(() -> new AssertionError("no such line among " + lines.list));
        }
    }

    /** The line as the application writes it with ZEST_LOG_FORMAT=json (logback's JsonEncoder). */
    private static String asJson(ILoggingEvent event) {
        JsonEncoder encoder = new JsonEncoder();
        encoder.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private static String attribute(SpanData span, String name) {
        String value = span.getAttributes().get(AttributeKey.stringKey(name));
        return value == null ? "" : value;
    }
}
