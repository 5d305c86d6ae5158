package dev.camelzest.routes.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.routes.ledger.WebhookEventLedger.DeliveryClaim;
import dev.camelzest.routes.testing.PartnerHttpEndpoint;
import dev.camelzest.routes.testing.ZestEvents;
import dev.camelzest.routes.testing.TemplateCamel;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events from a direct: source (standing in for the webhook consumer) into an H2 ledger and a partner HTTP endpoint on
 * loopback through camel-http.
 */
class PartnerEventTemplatesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private PartnerHttpEndpoint partner;
    private Ledger ledger;
    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private Path deadLetters;

    @BeforeEach
    void start() throws Exception {
        partner = PartnerHttpEndpoint.start();
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        deadLetters = temp.resolve("dead-letter");
        camel = TemplateCamel.start(ledger, new PartnerEventTemplates());
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .routeId("events")
                .parameter("source", "direct:events")
                .parameter("targets", "investor.created=mock:investors")
                .parameter("defaultTarget", partner.uri())
                .parameter("deadLetterDirectory", deadLetters.toString())
                .parameter("redeliveryDelay", "10")
                .parameter("maximumRedeliveryDelay", "40")
                .add();
        producer = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        partner.close();
    }

    @Test
    void aTargetThatFailsThreeTimesThenRecoversReceivesTheEventOnce() {
        partner.refuseNext(3);
        String event = ZestEvents.journey().get(0);

        producer.sendBody("direct:events", event);

        assertThat(partner.requests()).isEqualTo(4);
        assertThat(partner.accepted()).hasSize(1);
        assertThat(readTree(partner.accepted().get(0))).isEqualTo(readTree(event));
        assertThat(ledger.webhookEvents().byId("wde_0000000000000001").orElseThrow().delivered()).isTrue();
        assertThat(deadLetters).doesNotExist();
    }

    /** Another instance sharing the ledger delivers the same event right now: this one neither waits nor delivers. */
    @Test
    void anEventAnotherInstanceIsDeliveringFailsWithoutReachingThePartnerAndIsNotDeliveredTwice() {
        String event = ZestEvents.journey().get(0);
        ledger.webhookEvents().received("wde_0000000000000001", "spv_request.created", null);
        assertThat(ledger.webhookEvents().claimDelivery("wde_0000000000000001", Duration.ofMinutes(2)))
                .isEqualTo(DeliveryClaim.CLAIMED);

        assertThatThrownBy(() -> producer.sendBody("direct:events", event))
                .hasRootCauseInstanceOf(EventBeingDeliveredException.class);
        assertThat(partner.requests()).as("not retried against the claim either").isZero();

        assertThat(ledger.webhookEvents().delivered("wde_0000000000000001")).isTrue();
        producer.sendBody("direct:events", event);
        assertThat(partner.requests()).isZero();
    }

    @Test
    void anEventItsTargetNeverAcceptsIsDeadLetteredAndReplayDeliversIt() throws Exception {
        partner.refuseAll();
        String event = ZestEvents.journey().get(1);

        producer.sendBody("direct:events", event);

        Path letter = deadLetters.resolve("wde_0000000000000002.json");
        assertThat(letter).exists();
        JsonNode written = readTree(Files.readString(letter));
        assertThat(written.path("reason").asText()).contains("503");
        assertThat(written.path("eventType").asText()).isEqualTo("spv_request.completed");
        assertThat(written.path("event")).isEqualTo(readTree(event));
        assertThat(partner.accepted()).isEmpty();
        assertThat(ledger.webhookEvents().byId("wde_0000000000000002").orElseThrow().deadLetteredAt()).isNotNull();
        // the ledger moved on even though the partner did not hear of it yet
        assertThat(ledger.spvRequests().bySlug("svr_1").orElseThrow().status()).isEqualTo("approved");

        partner.acceptAll();
        replayDeadLetters();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(partner.accepted()).hasSize(1));
        assertThat(readTree(partner.accepted().get(0))).isEqualTo(readTree(event));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(letter).doesNotExist());
        assertThat(ledger.webhookEvents().byId("wde_0000000000000002").orElseThrow().delivered()).isTrue();
        try (Stream<Path> replayed = Files.list(deadLetters.resolve("replayed"))) {
            assertThat(replayed).hasSize(1);
        }
    }

    @Test
    void anEventWhoseFailedTargetDroppedTheHeadersIsDeadLetteredUnderItsOwnId() throws Exception {
        // as camel-http 4.14 does when it throws: only the response's headers are left on the message
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // the failure is the caller's to handle, as a producer's is
                errorHandler(noErrorHandler());
                from("direct:drops-headers-and-fails").removeHeaders("*")
                        .throwException(new IllegalStateException("refused"));
            }
        });
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .routeId("events-to-a-header-dropping-target")
                .parameter("source", "direct:events-to-a-header-dropping-target")
                .parameter("defaultTarget", "direct:drops-headers-and-fails")
                .parameter("deadLetterDirectory", deadLetters.toString())
                .parameter("maximumRedeliveries", "0")
                .add();
        String event = ZestEvents.journey().get(1);

        producer.sendBody("direct:events-to-a-header-dropping-target", event);

        JsonNode written = readTree(Files.readString(deadLetters.resolve("wde_0000000000000002.json")));
        assertThat(written.path("eventId").asText()).isEqualTo("wde_0000000000000002");
        assertThat(written.path("eventType").asText()).isEqualTo("spv_request.completed");
        assertThat(ledger.webhookEvents().byId("wde_0000000000000002").orElseThrow().deadLetteredAt()).isNotNull();
    }

    @Test
    void duplicatedAndShuffledEventsLeaveTheRightFinalStatesAndReachThePartnerOnce() {
        List<String> deliveries = new ArrayList<>(ZestEvents.journey());
        deliveries.addAll(ZestEvents.journey());
        Collections.shuffle(deliveries, new Random(7));

        deliveries.forEach(event -> producer.sendBody("direct:events", event));

        SpvRequestRecord spv = ledger.spvRequests().bySlug("svr_1").orElseThrow();
        assertThat(spv.status()).isEqualTo("approved");
        assertThat(spv.vehicleSlug()).isEqualTo("veh_1");
        assertThat(ledger.investors().zestPersonId("acme-1")).contains("psn_1");
        SubscriptionRecord subscription = ledger.subscriptions().bySlug("sub_1").orElseThrow();
        assertThat(subscription.status()).isEqualTo("completed");
        assertThat(subscription.partnerSubscriptionId()).isEqualTo("acme-sub-1");
        assertThat(subscription.partnerInvestorId()).isEqualTo("acme-1");
        assertThat(subscription.formUploadedAt()).isEqualTo(ZestEvents.at(4));
        assertThat(subscription.fundingUploadedAt()).isEqualTo(ZestEvents.at(5));
        assertThat(subscription.completedAt()).isEqualTo(ZestEvents.at(6));
        assertThat(ledger.webhookEvents().count()).isEqualTo(7);
        // six events go to the default HTTP target, investor.created to its own
        assertThat(partner.accepted()).hasSize(6);
        assertThat(partner.accepted().stream().map(body -> readTree(body).path("eventId").asText()).distinct())
                .hasSize(6);
    }

    @Test
    void anEventWhoseIdOrTypeIsNoSafeFileNameIsRefusedBeforeTheLedgerAndTheTarget() throws Exception {
        Path events = temp.resolve("events");
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.EVENTS)
                .routeId("file-events")
                .parameter("source", "direct:file-events")
                .parameter("defaultTarget", "file:" + events
                        + "?fileName=${header.CamelZestEventType}--${header.CamelZestEventId}.json")
                .parameter("deadLetterDirectory", deadLetters.toString())
                .parameter("redeliveryDelay", "10")
                .parameter("maximumRedeliveryDelay", "40")
                .add();
        String badId = ZestEvents.envelope("wde_1/../../elsewhere", "subscription.created", ZestEvents.at(0), "{}");
        String badType = ZestEvents.envelope("wde_0000000000000009", "x/../../y", ZestEvents.at(0), "{}");

        for (String event : List.of(badId, badType)) {
            assertThatThrownBy(() -> producer.sendBody("direct:file-events", event))
                    .hasRootCauseInstanceOf(InvalidEventException.class);
        }

        assertThat(ledger.webhookEvents().count()).isZero();
        assertThat(events).doesNotExist();
        assertThat(temp.resolve("elsewhere")).doesNotExist();
        assertThat(deadLetters).doesNotExist();
        producer.sendBody("direct:file-events", ZestEvents.journey().get(0));
        assertThat(events.resolve("spv_request.created--wde_0000000000000001.json")).exists();
    }

    @Test
    void aDeadLetterWhoseEventIdIsNoSafeFileNameIsNotReplayed() throws Exception {
        Files.createDirectories(deadLetters);
        Path letter = deadLetters.resolve("edited.json");
        Files.writeString(letter, "{\"event\": " + ZestEvents.envelope("../../wde_1", "subscription.created",
                ZestEvents.at(0), "{}") + "}");
        replayDeadLetters();

        await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(letter));
        try (Stream<Path> invalid = Files.list(deadLetters.resolve("invalid"))) {
            assertThat(invalid).singleElement().satisfies(moved ->
                    assertThat(moved.getFileName().toString()).startsWith("edited-"));
        }
        assertThat(partner.requests()).isZero();
        assertThat(deadLetters.resolve("replayed")).doesNotExist();
    }

    private void replayDeadLetters() throws Exception {
        TemplatedRouteBuilder.builder(camel, PartnerEventTemplates.REPLAY)
                .routeId("replay")
                .parameter("defaultTarget", partner.uri())
                .parameter("deadLetterDirectory", deadLetters.toString())
                .parameter("pollDelay", "50")
                .add();
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
