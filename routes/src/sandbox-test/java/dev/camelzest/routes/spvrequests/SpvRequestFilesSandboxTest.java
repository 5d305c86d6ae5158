package dev.camelzest.routes.spvrequests;

import static dev.camelzest.routes.testing.SpvRequestFiles.createJson;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.filedrop.FileBacklog;
import dev.camelzest.routes.filedrop.ImportId;
import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.ledger.FileCompletions;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.ledger.SpvRequestState;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.MovedCompletions;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.micrometer.core.instrument.Gauge;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPV request files through the zest: component to the Zest sandbox, the ledger on H2. */
class SpvRequestFilesSandboxTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPV_REQUESTS = "/v1/spv-requests";

    @TempDir
    Path temp;

    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        inbox = temp.resolve("requests");
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new SpvRequestTemplates());
        TemplatedRouteBuilder.builder(camel, SpvRequestTemplates.FILE)
                .routeId("spv-requests")
                .parameter("directory", inbox.toString())
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "createSpvRequest", temp.resolve("keys")))
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("redeliveryDelay", "50")
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    @Test
    void aRequestFileIsSubmittedOnceHoweverOftenItIsDropped() throws Exception {
        drop(inbox, "deal-7.json", createJson("deal-7"));
        JsonNode result = awaitReport("done/deal-7.json.result.json");

        assertThat(result.path("outcome").asText()).isEqualTo("created");
        String slug = result.path("spvRequestSlug").asText();
        SpvRequestRecord recorded = ledger.spvRequests().byLocalId("deal-7").orElseThrow();
        assertThat(recorded.slug()).isEqualTo(slug);
        assertThat(recorded.status()).isEqualTo("pending-review");
        assertThat(recorded.sourceFile()).isEqualTo("deal-7.json");

        drop(inbox, "deal-7-again.yaml", "localId: deal-7\ntemplateId: syndicate_secondary\n"
                + "templateVersion: 1.0.0\nattributes: {}\n");
        JsonNode again = awaitReport("done/deal-7-again.yaml.result.json");
        assertThat(again.path("outcome").asText()).isEqualTo("already_submitted");
        assertThat(again.path("spvRequestSlug").asText()).isEqualTo(slug);

        assertThat(SandboxZest.calls(SANDBOX, "POST", SPV_REQUESTS)).singleElement()
                .satisfies(call -> assertThat(call.idempotencyKey())
                        .isEqualTo(SpvRequestSubmission.idempotencyKey("deal-7")));
    }

    /** The directory's oldest-file gauge: a request Zest cannot take yet waits and is measured; a stray file is not. */
    @Test
    void aRequestFileWaitingIsMeasuredAndAStrayFileIsNot() throws Exception {
        SANDBOX.admin().injectFault("POST", SPV_REQUESTS, 503, 1000, 0, false);
        Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
        Files.setLastModifiedTime(drop(inbox, "notes.txt", "not a request"),
                FileTime.from(anHourAgo.minus(Duration.ofHours(1))));
        Files.setLastModifiedTime(drop(inbox, "deal-9.json", createJson("deal-9")), FileTime.from(anHourAgo));

        await().atMost(Duration.ofSeconds(20)).until(() -> oldestFileAge() >= 3600);
        assertThat(oldestFileAge()).isLessThan(3700);
        SANDBOX.admin().clearFaults();
        awaitReport("done/deal-9.json.result.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> oldestFileAge() == 0.0);
        assertThat(inbox.resolve("notes.txt")).exists();
    }

    private double oldestFileAge() {
        Gauge gauge = ImportMetrics.registry(camel).find(FileBacklog.METER).tag("route", "spv-requests").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    @Test
    void aRequestSentAgainWithoutTheLedgerGetsZestsFirstAnswer() throws Exception {
        drop(inbox, "deal-8.json", createJson("deal-8"));
        String slug = awaitReport("done/deal-8.json.result.json").path("spvRequestSlug").asText();
        try (var connection = ledger.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("DELETE FROM spv_requests");
        }

        drop(inbox, "deal-8-replay.json", createJson("deal-8"));
        JsonNode replay = awaitReport("done/deal-8-replay.json.result.json");

        assertThat(replay.path("outcome").asText()).isEqualTo("created");
        assertThat(replay.path("spvRequestSlug").asText()).isEqualTo(slug);
        assertThat(SandboxZest.calls(SANDBOX, "POST", SPV_REQUESTS)).hasSize(2)
                .allSatisfy(call -> assertThat(call.status()).isEqualTo(201));
    }

    @Test
    void invalidFilesGetTheirErrorsNextToThemAndAreNotSent() throws Exception {
        drop(inbox, "incomplete.json", "{\"templateId\": \"syndicate_secondary\"}");
        drop(inbox, "bad-attributes.yml", "localId: deal-9\ntemplateId: syndicate_secondary\n"
                + "templateVersion: 1.0.0\nattributes:\n  deal_name: Only a name\n");

        JsonNode incomplete = awaitReport("error/incomplete.json.errors.json");
        assertThat(incomplete.path("outcome").asText()).isEqualTo("invalid");
        assertThat(incomplete.path("problems").toString()).contains("localId", "templateVersion", "attributes");
        // the report is written first, then the file moves
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/incomplete.json")));

        JsonNode refused = awaitReport("error/bad-attributes.yml.errors.json");
        assertThat(refused.path("outcome").asText()).isEqualTo("refused");
        assertThat(refused.path("code").asText()).isEqualTo("validation_error");
        assertThat(refused.path("validationErrors").toString()).contains("deal_slug");
        // the report is written first, then the file moves
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/bad-attributes.yml")));
        assertThat(ledger.spvRequests().byLocalId("deal-9")).isEmpty();
    }

    /**
     * The state a replica killed between a file's report and its move leaves (the completion recorded, the report
     * written, the file in place), taken over: the file only moves, no call, no second report. A file answered with
     * errors afterwards has its completion recorded with its errors report and marked moved.
     */
    @Test
    void aFileWhoseReportWasWrittenBeforeItsReplicaDiedOnlyMoves() throws Exception {
        String source = camel.getRoute("spv-requests").getEndpoint().getEndpointBaseUri();
        String content = createJson("deal-13");
        String importId = ImportId.of("deal-13.json", new ByteArrayInputStream(content.getBytes(UTF_8)));
        ledger.fileCompletions().record(source, importId, "deal-13.json",
                FileCompletions.Outputs.report("done/deal-13.json.result.json"));
        Path report = inbox.resolve("done/deal-13.json.result.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"outcome\": \"created\"}");
        drop(inbox, "deal-13.json", content);

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/deal-13.json")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ledger.fileCompletions().unmoved(source, importId).isEmpty());
        assertThat(SANDBOX.admin().requests()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo("{\"outcome\": \"created\"}");
        try (Stream<Path> done = Files.list(inbox.resolve("done"))) {
            assertThat(done.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("deal-13.json", "deal-13.json.result.json");
        }

        String incomplete = "{\"templateId\": \"syndicate_secondary\"}";
        drop(inbox, "incomplete.json", incomplete);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("error/incomplete.json")));
        String rejected = ImportId.of("incomplete.json", new ByteArrayInputStream(incomplete.getBytes(UTF_8)));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ledger.fileCompletions().unmoved(source, rejected).isEmpty());
        assertThat(MovedCompletions.reports(ledger)).containsExactlyInAnyOrder("done/deal-13.json.result.json",
                "error/incomplete.json.errors.json");
    }

    @Test
    void aFileOverTheBoundIsNotReadWhole() throws Exception {
        drop(inbox, "huge.json", "{\"localId\": \"" + "x".repeat(1_100_000) + "\"}");

        JsonNode report = awaitReport("error/huge.json.errors.json");
        assertThat(report.path("problems").toString()).contains("larger than 1048576 bytes");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/huge.json")));
        assertThat(SandboxZest.calls(SANDBOX, "POST", SPV_REQUESTS)).isEmpty();
    }

    @Test
    void aCancelFileCancelsTheRequestOfItsLocalId() throws Exception {
        drop(inbox, "deal-10.json", createJson("deal-10"));
        awaitReport("done/deal-10.json.result.json");

        drop(inbox, "deal-10-cancel.yaml", "action: cancel\nlocalId: deal-10\n");
        JsonNode cancelled = awaitReport("done/deal-10-cancel.yaml.result.json");

        assertThat(cancelled.path("outcome").asText()).isEqualTo("cancelled");
        assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
        assertThat(ledger.spvRequests().byLocalId("deal-10").orElseThrow().status()).isEqualTo("cancelled");
        assertThat(ledger.spvRequests().pendingSlugs()).isEmpty();
    }

    @Test
    void reconciliationRefreshesPendingRequestsFromZest() throws Exception {
        drop(inbox, "deal-11.json", createJson("deal-11"));
        String slug = awaitReport("done/deal-11.json.result.json").path("spvRequestSlug").asText();
        ledger.spvRequests().apply(new SpvRequestState("svr_unknown", "pending-review", "syndicate_secondary",
                "1.0.0", Instant.parse("2026-01-01T00:00:00Z"), null, null, null, null, null));
        SANDBOX.admin().approve(slug);

        TemplatedRouteBuilder.builder(camel, SpvRequestTemplates.RECONCILE)
                .routeId("reconcile")
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "getSpvRequest", temp.resolve("keys")))
                .parameter("period", "200")
                .parameter("initialDelay", "0")
                .add();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                ledger.spvRequests().byLocalId("deal-11").orElseThrow().status()).isEqualTo("approved"));
        SpvRequestRecord approved = ledger.spvRequests().byLocalId("deal-11").orElseThrow();
        assertThat(approved.vehicleSlug()).isNotBlank();
        assertThat(ledger.spvRequests().pendingSlugs()).containsExactly("svr_unknown");
    }

    @Test
    void aRequestFileDroppedOnSftpIsSubmittedWithItsReportsBesideIt() throws Exception {
        try (EmbeddedSftpServer sftp = SftpLogin.server(temp.resolve("sftp-root"))) {
            SftpLogin.to(TemplatedRouteBuilder.builder(camel, SpvRequestTemplates.SFTP), sftp)
                    .routeId("spv-requests-sftp")
                    .parameter("directory", "requests")
                    .parameter("dataDirectory", temp.resolve("data").toString())
                    .parameter("zestUri", SandboxZest.uri(SANDBOX, "createSpvRequest", temp.resolve("keys")))
                    .parameter("pollDelay", "100")
                    .parameter("initialPollDelay", "0")
                    .add();
            inbox = sftp.rootDirectory().resolve("requests");
            drop(inbox, "deal-12.json", createJson("deal-12"));
            drop(inbox, "incomplete.json", "{\"templateId\": \"syndicate_secondary\"}");

            JsonNode created = awaitReport("done/deal-12.json.result.json");
            assertThat(created.path("outcome").asText()).isEqualTo("created");
            assertThat(ledger.spvRequests().byLocalId("deal-12").orElseThrow().slug())
                    .isEqualTo(created.path("spvRequestSlug").asText());
            assertThat(awaitReport("error/incomplete.json.errors.json").path("outcome").asText()).isEqualTo("invalid");
            // the report is written first, then the file moves
            await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/deal-12.json"))
                    && Files.exists(inbox.resolve("error/incomplete.json")));
            camel.getRouteController().stopRoute("spv-requests-sftp");
        }
    }

    private JsonNode awaitReport(String relative) throws Exception {
        Path report = inbox.resolve(relative);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));
        return JSON.readTree(Files.readString(report));
    }
}
