package dev.camelzest.routes.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.filedrop.FileBacklog;
import dev.camelzest.routes.filedrop.ImportId;
import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.ledger.FileCompletions;
import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.routes.ledger.SubscriptionStep;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.MovedCompletions;
import dev.camelzest.routes.testing.SandboxDeals;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.StandIns;
import dev.camelzest.routes.testing.WarningLog;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.micrometer.core.instrument.Gauge;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents on a real SFTP server (and in a local directory) through the templates and the zest: component to the
 * sandbox, with Zest's strict upload order; the ledger on H2. Manifests name the SPV and person as {@code veh_1} and
 * {@code psn_1} (and {@code veh_2}, {@code psn_2}): stand-ins for the slug and id the sandbox gave them. The ledger
 * is on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(LedgerDatabase.class)
class DocumentUploadTemplatesTest {

    @Parameter
    LedgerDatabase database;

    static final byte[] PDF = "%PDF-1.4\n% a signed document\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern UPLOAD_PATH = Pattern.compile("/v1/spvs/[^/]+/subscription/([^/]+)/(forms|fundings)");

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private EmbeddedSftpServer sftp;
    private Ledger ledger;
    private DefaultCamelContext camel;
    private SandboxDeals deals;
    private SandboxDeals.Spv spv1;
    private String person1;
    private String subscription1;
    private SandboxDeals.Spv spv2;
    private String person2;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        sftp = SftpLogin.server(temp.resolve("sftp-root"));
        ledger = database.open(temp.resolve("data"));
        camel = TemplateCamel.start(ledger, new DocumentTemplates());
        deals = new SandboxDeals(SANDBOX, camel, temp.resolve("keys"));
        spv1 = deals.approvedSpv();
        person1 = deals.person("acme-1");
        subscription1 = deals.subscribe(spv1, person1, "acme-sub-1");
        ledger.investors().record(List.of(new InvestorMapping("acme-1", person1, "a1@example.com", "Ann", "One")),
                "investors.csv");
        ledger.subscriptions().apply(new SubscriptionChange(subscription1, spv1.slug(), person1, "acme-sub-1",
                "acme-1", spv1.shareClassSlug(), "USD", "50000.00", SubscriptionStep.PENDING, null,
                "subscriptions.csv"));
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        sftp.close();
    }

    @Test
    void aFundingReceiptDroppedBeforeItsFormWaitsForItQuietly() throws Exception {
        WarningLog warnings = WarningLog.open();
        sftpDocuments();
        Path inbox = sftp.rootDirectory().resolve("documents");
        Instant dropped = Instant.now().minusSeconds(60);
        drop(inbox, "acme-1-receipt.pdf.manifest.json", "{\"type\": \"funding\", \"spvSlug\": \"veh_1\","
                + " \"partnerInvestorId\": \"acme-1\", \"amount\": \"50000.00\", \"currency\": \"USD\","
                + " \"wireReference\": \"W-1\"}");
        dropDocument(inbox, "acme-1-receipt.pdf", dropped);
        drop(inbox, "acme-1-form.pdf.manifest.csv", "type,spvSlug,partnerInvestorId\nform,veh_1,acme-1\n");
        dropDocument(inbox, "acme-1-form.pdf", dropped.plusSeconds(10));

        Path fundingResult = inbox.resolve("done/acme-1-receipt.pdf.result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(fundingResult));
        // the report is written first, then the document and its manifest are moved and deleted on commit
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("done/acme-1-receipt.pdf"))
                && !Files.exists(inbox.resolve("acme-1-receipt.pdf.manifest.json")));

        assertThat(uploads()).containsExactly("forms " + person1, "fundings " + person1);
        assertThat(inbox.resolve("done/acme-1-form.pdf")).exists();
        assertThat(inbox.resolve("done/acme-1-receipt.pdf")).exists();
        assertThat(inbox.resolve("acme-1-receipt.pdf.manifest.json")).doesNotExist();
        assertThat(inbox.resolve("acme-1-form.pdf.manifest.csv")).doesNotExist();
        JsonNode result = JSON.readTree(Files.readString(fundingResult));
        assertThat(result.path("outcome").asText()).isEqualTo("uploaded");
        assertThat(result.path("manifest").path("wireReference").asText()).isEqualTo("W-1");
        SubscriptionRecord subscription = ledger.subscriptions().bySlug(subscription1).orElseThrow();
        assertThat(subscription.formUploadedAt()).isNotNull();
        assertThat(subscription.fundingUploadedAt()).isNotNull();
        assertThat(subscription.status()).isEqualTo("funding_uploaded");
        // waiting is a state of the flow, not a failure rolled back with Camel's warning
        warnings.close();
        assertThat(warnings.lines()).isEmpty();
    }

    @Test
    void aDocumentOfAnotherTypeIsRejectedWithoutAnUpload() throws Exception {
        Path inbox = fileDocuments();
        drop(inbox, "acme-1-form.docx.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        drop(inbox, "acme-1-form.docx", "PK\u0003\u0004 not a PDF");
        drop(inbox, "unknown-form.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"partnerInvestorId\": \"acme-404\"}");
        drop(inbox, "unknown-form.pdf", "%PDF-1.4\n");

        Path typeReport = inbox.resolve("error/acme-1-form.docx.errors.json");
        Path investorReport = inbox.resolve("error/unknown-form.pdf.errors.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(typeReport) && Files.exists(investorReport));

        assertThat(Files.readString(typeReport)).contains("not a PDF, JPEG, PNG or WEBP");
        assertThat(Files.readString(investorReport)).contains("acme-404 is not in the ledger");
        // the report is written first, then the file moves
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/acme-1-form.docx")));
        assertThat(uploads()).isEmpty();
    }

    @Test
    void aDocumentWithoutItsManifestWaitsQuietlyUntilItComes() throws Exception {
        WarningLog warnings = WarningLog.open();
        Path inbox = fileDocuments();
        dropDocument(inbox, "early.pdf", Instant.now().minus(Duration.ofHours(1)));
        drop(inbox, "later-form.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        drop(inbox, "later-form.pdf", "%PDF-1.4\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/later-form.pdf")));
        assertThat(inbox.resolve("early.pdf")).exists();
        assertThat(uploads()).hasSize(1);
        // the directory's oldest-file gauge sees the document waiting (its manifests are not documents)
        await().atMost(Duration.ofSeconds(10)).until(() -> oldestFileAge() >= 3600);
        assertThat(oldestFileAge()).isLessThan(3700);

        drop(inbox, "early.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/early.pdf")));
        assertThat(uploads()).hasSize(2);
        await().atMost(Duration.ofSeconds(10)).until(() -> oldestFileAge() == 0.0);
        warnings.close();
        assertThat(warnings.lines()).isEmpty();
    }

    @Test
    void aDocumentNameCannotSteerTheManifestConsumerOverSftp() throws Exception {
        sftpDocuments();
        assertTheInjectedNameGoesToError(sftp.rootDirectory().resolve("documents"));
    }

    @Test
    void aDocumentNameCannotSteerTheManifestConsumer() throws Exception {
        assertTheInjectedNameGoesToError(fileDocuments());
    }

    private void assertTheInjectedNameGoesToError(Path inbox) throws Exception {
        // another document's manifest, waiting for its document
        drop(inbox, "victim.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        // closes RAW( and adds options: read (and delete) the victim's manifest as its own
        String injected = "victim.pdf.manifest.json)&antExclude=RAW(z";
        drop(inbox, injected, "%PDF-1.4\n");

        Path report = inbox.resolve("error/" + injected + ".errors.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));

        assertThat(Files.readString(report)).contains("file name");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/" + injected)));
        assertThat(inbox.resolve("victim.pdf.manifest.json")).exists();
        assertThat(uploads()).isEmpty();
    }

    @Test
    void aManifestOverItsBoundSendsTheDocumentToErrorWithTheReason() throws Exception {
        Path inbox = fileDocuments("maxManifestSize", "200");
        drop(inbox, "big.pdf.manifest.json", "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\","
                + " \"note\": \"" + "x".repeat(300) + "\"}");
        drop(inbox, "big.pdf", "%PDF-1.4\n");

        Path report = inbox.resolve("error/big.pdf.errors.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(report));

        assertThat(Files.readString(report)).contains("the manifest is larger than 200 bytes");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox.resolve("error/big.pdf")));
        assertThat(uploads()).isEmpty();
    }

    @Test
    void aFundingForASubscriptionTheLedgerDoesNotKnowWaitsOnZestsConflict() throws Exception {
        spv2 = deals.approvedSpv();
        person2 = deals.person("acme-2");
        deals.subscribe(spv2, person2, "acme-sub-2");
        WarningLog warnings = WarningLog.open();
        Path inbox = fileDocuments();
        drop(inbox, "other-receipt.pdf.manifest.json", "{\"type\": \"funding\", \"spvSlug\": \"veh_2\","
                + " \"personId\": \"psn_2\", \"amount\": \"50000.00\", \"currency\": \"USD\","
                + " \"wireReference\": \"W-2\"}");
        drop(inbox, "other-receipt.pdf", "%PDF-1.4\n");

        // Zest answers 409 to a receipt before its form: the receipt waits and is tried again
        await().atMost(Duration.ofSeconds(20)).until(() -> uploadStatuses("fundings " + person2).size() >= 2);
        assertThat(uploadStatuses("fundings " + person2)).containsOnly(409);
        assertThat(inbox.resolve("other-receipt.pdf")).exists();
        assertThat(inbox.resolve("error")).doesNotExist();

        deals.uploadForm(spv2, person2, PDF);
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/other-receipt.pdf")));
        assertThat(ledger.subscriptions().byInvestment(spv2.slug(), person2).orElseThrow().status())
                .isEqualTo("funding_uploaded");
        assertThat(uploadStatuses("fundings " + person2)).endsWith(201);
        warnings.close();
        assertThat(warnings.lines()).isEmpty();
    }

    /**
     * The state a replica killed between a document's report and its move leaves (the completion recorded, the report
     * written, the document and its manifest in place), taken over: the document only moves, no upload, no second
     * report. A document uploaded afterwards has its completion recorded with its report and marked moved.
     */
    @Test
    void aDocumentWhoseReportWasWrittenBeforeItsReplicaDiedOnlyMoves() throws Exception {
        Path inbox = fileDocuments();
        String source = camel.getRoute("documents").getEndpoint().getEndpointBaseUri();
        String importId = ImportId.of("acme-1-form.pdf", new ByteArrayInputStream(PDF));
        ledger.fileCompletions().record(source, importId, "acme-1-form.pdf",
                FileCompletions.Outputs.report("done/acme-1-form.pdf.result.json"));
        Path report = inbox.resolve("done/acme-1-form.pdf.result.json");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "{\"outcome\": \"uploaded\"}");
        drop(inbox, "acme-1-form.pdf.manifest.csv", "type,spvSlug,partnerInvestorId\nform,veh_1,acme-1\n");
        dropDocument(inbox, "acme-1-form.pdf", Instant.now().minusSeconds(60));

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/acme-1-form.pdf"))
                && !Files.exists(inbox.resolve("acme-1-form.pdf.manifest.csv")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> ledger.fileCompletions().unmoved(source, importId).isEmpty());
        assertThat(uploads()).isEmpty();
        assertThat(Files.readString(report)).isEqualTo("{\"outcome\": \"uploaded\"}");
        try (Stream<Path> done = Files.list(inbox.resolve("done"))) {
            assertThat(done.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("acme-1-form.pdf", "acme-1-form.pdf.result.json");
        }

        drop(inbox, "acme-1-signed.pdf.manifest.csv", "type,spvSlug,partnerInvestorId\nform,veh_1,acme-1\n");
        dropDocument(inbox, "acme-1-signed.pdf", Instant.now().minusSeconds(30));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/acme-1-signed.pdf")));
        assertThat(uploads()).containsExactly("forms " + person1);
        String signed = ImportId.of("acme-1-signed.pdf", new ByteArrayInputStream(PDF));
        await().atMost(Duration.ofSeconds(10)).until(() -> ledger.fileCompletions().unmoved(source, signed).isEmpty());
        assertThat(MovedCompletions.reports(ledger)).containsExactlyInAnyOrder("done/acme-1-form.pdf.result.json",
                "done/acme-1-signed.pdf.result.json");
    }

    /** The upload calls the sandbox received, in order: {@code forms <personId>} or {@code fundings <personId>}. */
    private static List<String> uploads() {
        return SANDBOX.admin().requests().stream()
                .map(request -> UPLOAD_PATH.matcher(request.path()))
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(2) + " " + matcher.group(1))
                .toList();
    }

    private static List<Integer> uploadStatuses(String upload) {
        return SANDBOX.admin().requests().stream()
                .filter(request -> {
                    Matcher matcher = UPLOAD_PATH.matcher(request.path());
                    return matcher.matches() && upload.equals(matcher.group(2) + " " + matcher.group(1));
                })
                .map(request -> request.status())
                .toList();
    }

    /** Writes the file with the stand-ins replaced by this test's SPV slugs and person ids. */
    private void drop(Path directory, String name, String content) {
        Map<String, String> standIns = new HashMap<>(Map.of("veh_1", spv1.slug(), "psn_1", person1));
        standIns.put("veh_2", spv2 == null ? null : spv2.slug());
        standIns.put("psn_2", person2);
        InvestorFiles.drop(directory, name, StandIns.of(standIns).replaceIn(content));
    }

    private void sftpDocuments() throws Exception {
        SftpLogin.to(TemplatedRouteBuilder.builder(camel, DocumentTemplates.SFTP), sftp)
                .routeId("documents")
                .parameter("directory", "documents")
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "uploadSubscriptionForm", temp.resolve("keys")))
                .parameter("pollDelay", "200")
                .parameter("readLockCheckInterval", "100")
                .add();
    }

    /** The local-directory template, with extra parameters as name, value pairs. */
    private Path fileDocuments(String... parameters) throws Exception {
        return fileDocuments(SANDBOX, camel, temp, parameters);
    }

    /** The local-directory template on {@code temp}/documents, uploading to {@code sandbox}. */
    static Path fileDocuments(ZestSandboxExtension sandbox, CamelContext camel, Path temp, String... parameters)
            throws Exception {
        Path inbox = temp.resolve("documents");
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, DocumentTemplates.FILE)
                .routeId("documents")
                .parameter("directory", inbox.toString())
                .parameter("zestUri", SandboxZest.uri(sandbox, "uploadSubscriptionForm", temp.resolve("keys")))
                .parameter("pollDelay", "200")
                .parameter("readLockCheckInterval", "100");
        for (int i = 0; i < parameters.length; i += 2) {
            route.parameter(parameters[i], parameters[i + 1]);
        }
        route.add();
        return inbox;
    }

    private double oldestFileAge() {
        Gauge gauge = ImportMetrics.registry(camel).find(FileBacklog.METER).tag("route", "documents").gauge();
        return gauge == null ? -1 : gauge.value();
    }

    static void dropDocument(Path inbox, String name, Instant modified) throws Exception {
        Path file = inbox.resolve("." + name + ".part");
        Files.write(file, PDF);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        Files.move(file, inbox.resolve(name));
    }
}
