package dev.camelzest.routes.documents;

import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.routes.ledger.SubscriptionStep;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.FakeUploadsZest;
import dev.camelzest.routes.testing.FakeUploadsZest.Upload;
import dev.camelzest.routes.testing.WarningLog;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents on a real SFTP server (and in a local directory) through the templates; Zest's uploads in memory with
 * their strict order; the ledger on H2.
 */
class DocumentUploadTemplatesTest {

    static final byte[] PDF = "%PDF-1.4\n% a signed document\n".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final FakeUploadsZest zest = new FakeUploadsZest();
    private EmbeddedSftpServer sftp;
    private Ledger ledger;
    private DefaultCamelContext camel;

    @BeforeEach
    void start() throws Exception {
        sftp = SftpLogin.server(temp.resolve("sftp-root"));
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        ledger.investors().record(List.of(new InvestorMapping("acme-1", "psn_1", "a1@example.com", "Ann", "One")),
                "investors.csv");
        ledger.subscriptions().apply(new SubscriptionChange("sub_psn_1", "veh_1", "psn_1", "acme-sub-1", "acme-1",
                "sc_a", "USD", "50000.00", SubscriptionStep.PENDING, null, "subscriptions.csv"));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new DocumentTemplates());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").errorHandler(noErrorHandler()).process(zest);
            }
        });
        camel.start();
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

        assertThat(zest.uploads()).extracting(Upload::operation)
                .containsExactly(ZestOperation.uploadSubscriptionForm, ZestOperation.uploadFundingReceipt);
        assertThat(zest.uploads()).allSatisfy(upload -> assertThat(upload.personId()).isEqualTo("psn_1"));
        assertThat(inbox.resolve("done/acme-1-form.pdf")).exists();
        assertThat(inbox.resolve("done/acme-1-receipt.pdf")).exists();
        assertThat(inbox.resolve("acme-1-receipt.pdf.manifest.json")).doesNotExist();
        assertThat(inbox.resolve("acme-1-form.pdf.manifest.csv")).doesNotExist();
        JsonNode result = JSON.readTree(Files.readString(fundingResult));
        assertThat(result.path("outcome").asText()).isEqualTo("uploaded");
        assertThat(result.path("manifest").path("wireReference").asText()).isEqualTo("W-1");
        SubscriptionRecord subscription = ledger.subscriptions().bySlug("sub_psn_1").orElseThrow();
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
        assertThat(zest.uploads()).isEmpty();
    }

    @Test
    void aDocumentWithoutItsManifestWaitsQuietlyUntilItComes() throws Exception {
        WarningLog warnings = WarningLog.open();
        Path inbox = fileDocuments();
        drop(inbox, "early.pdf", "%PDF-1.4\n");
        drop(inbox, "later-form.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        drop(inbox, "later-form.pdf", "%PDF-1.4\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/later-form.pdf")));
        assertThat(inbox.resolve("early.pdf")).exists();
        assertThat(zest.uploads()).hasSize(1);

        drop(inbox, "early.pdf.manifest.json",
                "{\"type\": \"form\", \"spvSlug\": \"veh_1\", \"personId\": \"psn_1\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/early.pdf")));
        assertThat(zest.uploads()).hasSize(2);
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
        assertThat(zest.uploads()).isEmpty();
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
        assertThat(zest.uploads()).isEmpty();
    }

    @Test
    void aFundingForASubscriptionTheLedgerDoesNotKnowWaitsOnZestsConflict() throws Exception {
        WarningLog warnings = WarningLog.open();
        Path inbox = fileDocuments();
        drop(inbox, "other-receipt.pdf.manifest.json", "{\"type\": \"funding\", \"spvSlug\": \"veh_2\","
                + " \"personId\": \"psn_2\", \"amount\": \"10.00\", \"currency\": \"EUR\","
                + " \"wireReference\": \"W-2\"}");
        drop(inbox, "other-receipt.pdf", "%PDF-1.4\n");

        await().atMost(Duration.ofSeconds(20)).until(() -> zest.uploads().size() >= 2);
        assertThat(inbox.resolve("other-receipt.pdf")).exists();
        assertThat(inbox.resolve("error")).doesNotExist();

        zest.formOnRecord("veh_2", "psn_2");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/other-receipt.pdf")));
        assertThat(ledger.subscriptions().byInvestment("veh_2", "psn_2").orElseThrow().status())
                .isEqualTo("funding_uploaded");
        warnings.close();
        assertThat(warnings.lines()).isEmpty();
    }

    private void sftpDocuments() throws Exception {
        SftpLogin.to(TemplatedRouteBuilder.builder(camel, DocumentTemplates.SFTP), sftp)
                .routeId("documents")
                .parameter("directory", "documents")
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", "direct:zest")
                .parameter("pollDelay", "200")
                .parameter("readLockCheckInterval", "100")
                .add();
    }

    /** The local-directory template, with extra parameters as name, value pairs. */
    private Path fileDocuments(String... parameters) throws Exception {
        Path inbox = temp.resolve("documents");
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, DocumentTemplates.FILE)
                .routeId("documents")
                .parameter("directory", inbox.toString())
                .parameter("zestUri", "direct:zest")
                .parameter("pollDelay", "200")
                .parameter("readLockCheckInterval", "100");
        for (int i = 0; i < parameters.length; i += 2) {
            route.parameter(parameters[i], parameters[i + 1]);
        }
        route.add();
        return inbox;
    }

    private static void dropDocument(Path inbox, String name, Instant modified) throws Exception {
        Path file = inbox.resolve("." + name + ".part");
        Files.write(file, PDF);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        Files.move(file, inbox.resolve(name));
    }
}
