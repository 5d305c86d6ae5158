package dev.camelzest.routes.journey;

import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.SpvRequestFiles.createJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.documents.DocumentTemplates;
import dev.camelzest.routes.events.PartnerEventTemplates;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.spvrequests.SpvRequestTemplates;
import dev.camelzest.routes.subscriptions.SubscriptionTemplates;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SftpLogin;
import dev.camelzest.routes.testing.PartnerHttpEndpoint;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.WarningLog;
import dev.camelzest.routes.testing.ZestWebhookEndpoint;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
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
 * The whole partner journey against the sandbox and an embedded SFTP server: an SPV request file, Zest's approval,
 * investors imported from SFTP, a subscriptions file, a funding receipt dropped before its form (it waits), the form,
 * the funding, Zest completing the subscription; the ledger shows every state and the partner's HTTP endpoint
 * received each event exactly once. It runs with the ledger on H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(LedgerDatabase.class)
class PartnerJourneySandboxTest {

    @Parameter
    LedgerDatabase database;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.4\n% signed\n".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    private PartnerHttpEndpoint partner;
    private EmbeddedSftpServer sftp;
    private Ledger ledger;
    private DefaultCamelContext camel;
    private ZestWebhookEndpoint webhooks;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        partner = PartnerHttpEndpoint.start();
        sftp = SftpLogin.server(temp.resolve("sftp-root"));
        ledger = database.open(temp.resolve("data"));
        camel = new DefaultCamelContext();
        webhooks = ZestWebhookEndpoint.prepare(camel, temp.resolve("webhook-data"));
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new SpvRequestTemplates());
        camel.addRoutes(new InvestorImportTemplates());
        camel.addRoutes(new SubscriptionTemplates());
        camel.addRoutes(new DocumentTemplates());
        camel.addRoutes(new PartnerEventTemplates());
        camel.start();
        Path keys = temp.resolve("keys");
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .parameter("source", webhooks.sourceUri())
                .parameter("defaultTarget", partner.uri())
                .parameter("deadLetterDirectory", temp.resolve("dead-letter").toString())
                .add();
        TemplatedRouteBuilder.builder(camel, SpvRequestTemplates.FILE)
                .parameter("directory", temp.resolve("requests").toString())
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "createSpvRequest", keys))
                .parameter("pollDelay", "100")
                .add();
        sftpTemplate(InvestorImportTemplates.SFTP, "investors", SandboxZest.bulkCreateInvestorsUri(SANDBOX, keys));
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .parameter("directory", temp.resolve("subscriptions").toString())
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "createSubscriptions", keys))
                .parameter("pollDelay", "100")
                .add();
        sftpTemplate(DocumentTemplates.SFTP, "documents", SandboxZest.uri(SANDBOX, "uploadSubscriptionForm", keys));
        SANDBOX.admin().configureWebhooks(webhooks.url(), ZestWebhookEndpoint.SECRET, 0.001, false, false);
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        sftp.close();
        partner.close();
    }

    @Test
    void theWholeJourney() throws Exception {
        WarningLog warnings = WarningLog.open();
        // 1. the SPV request, approved by Zest, reaches the ledger through its webhook
        Path requests = temp.resolve("requests");
        drop(requests, "deal-1.json", createJson("deal-1"));
        Path requestResult = requests.resolve("done/deal-1.json.result.json");
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(requestResult));
        String requestSlug = JSON.readTree(Files.readString(requestResult)).path("spvRequestSlug").asText();
        SANDBOX.admin().approve(requestSlug);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ledger.spvRequests().byLocalId("deal-1").orElseThrow().status()).isEqualTo("approved"));
        SpvRequestRecord spv = ledger.spvRequests().byLocalId("deal-1").orElseThrow();
        String spvSlug = spv.vehicleSlug();
        String shareClassSlug = shareClassOf(requestSlug);

        // 2. investors from SFTP
        Path investors = sftp.rootDirectory().resolve("investors");
        drop(investors, "investors.csv", "partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence\n"
                + "acme-1,ann@example.com,Ann,One,1985-04-12,AE\n");
        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.investors().zestPersonId("acme-1").isPresent());
        String personId = ledger.investors().zestPersonId("acme-1").orElseThrow();

        // 3. a subscriptions file
        Path subscriptions = temp.resolve("subscriptions");
        drop(subscriptions, "subscriptions.csv", "spvSlug,partnerInvestorId,amount,currency,shareClassSlug,"
                + "partnerSubscriptionId\n" + spvSlug + ",acme-1,50000.00,USD," + shareClassSlug + ",acme-sub-1\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").isPresent());

        // 4. the funding receipt dropped before its form waits for it
        Path documents = sftp.rootDirectory().resolve("documents");
        Instant dropped = Instant.now().minusSeconds(60);
        drop(documents, "acme-1-receipt.pdf.manifest.json", "{\"type\": \"funding\", \"spvSlug\": \"" + spvSlug
                + "\", \"partnerInvestorId\": \"acme-1\", \"amount\": \"50000.00\", \"currency\": \"USD\","
                + " \"wireReference\": \"W-1\"}");
        dropPdf(documents, "acme-1-receipt.pdf", dropped);
        drop(documents, "acme-1-form.pdf.manifest.json", "{\"type\": \"form\", \"spvSlug\": \"" + spvSlug
                + "\", \"partnerInvestorId\": \"acme-1\"}");
        dropPdf(documents, "acme-1-form.pdf", dropped.plusSeconds(10));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(documents.resolve("done/acme-1-receipt.pdf.result.json")));
        assertThat(documents.resolve("done/acme-1-form.pdf.result.json")).exists();

        // 5. Zest completes the subscription
        SANDBOX.admin().completeSubscription(spvSlug, personId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").orElseThrow().status())
                .isEqualTo("completed"));

        SubscriptionRecord subscription = ledger.subscriptions().byPartnerSubscriptionId("acme-sub-1").orElseThrow();
        assertThat(subscription.personId()).isEqualTo(personId);
        assertThat(subscription.spvSlug()).isEqualTo(spvSlug);
        assertThat(subscription.formUploadedAt()).isNotNull();
        assertThat(subscription.fundingUploadedAt()).isAfterOrEqualTo(subscription.formUploadedAt());
        assertThat(subscription.completedAt()).isNotNull();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes()).containsExactlyInAnyOrder(
                "spv_request.created", "spv_request.completed", "investor.created", "subscription.created",
                "signed_subscription_form.uploaded", "funding_receipt.uploaded", "subscription.completed"));
        // a clean journey is quiet: the receipt's wait and the subscription recorded twice at once are no failures
        warnings.close();
        assertThat(warnings.lines()).isEmpty();
    }

    private void sftpTemplate(String templateId, String directory, String zestUri) throws Exception {
        SftpLogin.to(TemplatedRouteBuilder.builder(camel, templateId), sftp)
                .parameter("directory", directory)
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "200")
                .parameter("readLockCheckInterval", "100")
                .add();
    }

    private String shareClassOf(String requestSlug) {
        SpvRequestResponse approved = camel.createProducerTemplate().requestBodyAndHeader(
                SandboxZest.uri(SANDBOX, "getSpvRequest", temp.resolve("keys")), null, ZestConstants.SLUG,
                requestSlug, SpvRequestResponse.class);
        return approved.feesAndCarry().shareClasses().get(0).slug();
    }

    private static void dropPdf(Path directory, String name, Instant modified) throws Exception {
        Path part = directory.resolve("." + name + ".part");
        Files.write(part, PDF);
        Files.setLastModifiedTime(part, FileTime.from(modified));
        Files.move(part, directory.resolve(name));
    }

    private List<String> eventTypes() {
        return partner.accepted().stream().map(body -> {
            try {
                return JSON.readTree(body).path("eventType").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
