package dev.camelzest.routes.journey;

import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.SpvRequestFiles.createJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.events.PartnerEventTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.spvrequests.SpvRequestTemplates;
import dev.camelzest.routes.testing.PartnerHttpEndpoint;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.ZestWebhookEndpoint;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SPV request part of the partner journey against the sandbox: a request file submitted, Zest's review, its
 * signed webhooks into the ledger and a partner HTTP endpoint, each event once, also when Zest delivers every event
 * twice and out of order.
 */
class SpvRequestJourneySandboxTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private PartnerHttpEndpoint partner;
    private Ledger ledger;
    private DefaultCamelContext camel;
    private ZestWebhookEndpoint webhooks;
    private Path requests;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        partner = PartnerHttpEndpoint.start();
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        requests = temp.resolve("requests");
        camel = new DefaultCamelContext();
        webhooks = ZestWebhookEndpoint.prepare(camel, temp.resolve("webhook-data"));
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new SpvRequestTemplates());
        camel.addRoutes(new PartnerEventTemplates());
        camel.start();
        TemplatedRouteBuilder.builder(camel, SpvRequestTemplates.FILE)
                .routeId("spv-requests")
                .parameter("directory", requests.toString())
                .parameter("zestUri", SandboxZest.uri(SANDBOX, "createSpvRequest", temp.resolve("keys")))
                .parameter("pollDelay", "100")
                .add();
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .routeId("events")
                .parameter("source", webhooks.sourceUri())
                .parameter("defaultTarget", partner.uri())
                .parameter("deadLetterDirectory", temp.resolve("dead-letter").toString())
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        partner.close();
    }

    @Test
    void anApprovedRequestReachesTheLedgerAndThePartnerOnce() throws Exception {
        SANDBOX.admin().configureWebhooks(webhooks.url(), ZestWebhookEndpoint.SECRET, 0.001, false, false);

        String slug = submit("deal-1");
        SANDBOX.admin().approve(slug);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ledger.spvRequests().byLocalId("deal-1").orElseThrow().status()).isEqualTo("approved"));
        SpvRequestRecord approved = ledger.spvRequests().byLocalId("deal-1").orElseThrow();
        assertThat(approved.slug()).isEqualTo(slug);
        assertThat(approved.vehicleSlug()).startsWith("veh_");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes())
                .containsExactlyInAnyOrder("spv_request.created", "spv_request.completed"));
    }

    @Test
    void duplicatedAndShuffledDeliveriesLeaveTheRightStateAndOneEventEach() throws Exception {
        SANDBOX.admin().configureWebhooks(webhooks.url(), ZestWebhookEndpoint.SECRET, 0.001, true, true);

        String approvedSlug = submit("deal-2");
        String cancelledSlug = submit("deal-3");
        SANDBOX.admin().approve(approvedSlug);
        drop(requests, "deal-3-cancel.yaml", "action: cancel\nlocalId: deal-3\n");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypes())
                .hasSize(4)
                .containsOnly("spv_request.created", "spv_request.completed", "spv_request.cancelled"));
        await().atMost(Duration.ofSeconds(30)).until(() -> SANDBOX.admin().deliveries("pending").isEmpty());
        assertThat(ledger.spvRequests().bySlug(approvedSlug).orElseThrow().status()).isEqualTo("approved");
        assertThat(ledger.spvRequests().bySlug(cancelledSlug).orElseThrow().status()).isEqualTo("cancelled");
        // every event was delivered twice, yet recorded and passed on once
        assertThat(SANDBOX.admin().deliveries(null)).hasSize(8);
        assertThat(ledger.webhookEvents().count()).isEqualTo(4);
        assertThat(eventTypes()).hasSize(4);
    }

    private String submit(String localId) throws Exception {
        drop(requests, localId + ".json", createJson(localId));
        Path result = requests.resolve("done/" + localId + ".json.result.json");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(result));
        return JSON.readTree(Files.readString(result)).path("spvRequestSlug").asText();
    }

    private List<String> eventTypes() {
        return partner.accepted().stream().map(SpvRequestJourneySandboxTest::eventType).toList();
    }

    private static String eventType(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            return event.path("eventType").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
