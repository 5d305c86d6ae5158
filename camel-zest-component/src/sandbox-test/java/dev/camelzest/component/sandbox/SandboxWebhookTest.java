package dev.camelzest.component.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import dev.camelzest.component.SuiteSecrets;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.event.FundingReceiptUploaded;
import dev.camelzest.component.model.event.InvestorCreated;
import dev.camelzest.component.model.event.SignedSubscriptionFormUploaded;
import dev.camelzest.component.model.event.SpvRequestCancelled;
import dev.camelzest.component.model.event.SpvRequestCompleted;
import dev.camelzest.component.model.event.SpvRequestCreated;
import dev.camelzest.component.model.event.SpvRequestRejected;
import dev.camelzest.component.model.event.SubscriptionCompleted;
import dev.camelzest.component.model.event.SubscriptionCreated;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.webhook.WebhookServers;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The sandbox delivers real signed events to webhook:zest:events: each arrives in the route once, typed, with its
 * headers, also when every event is delivered twice and out of order.
 */
class SandboxWebhookTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final String SECRET = "whsec_" + HexFormat.of().formatHex(randomBytes());

    static {
        SuiteSecrets.register(SECRET);
    }

    @TempDir
    Path dataDirectory;

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        WebhookServers.prepare(camelContext, port, SECRET);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&webhookDataDirectory=" + dataDirectory)
                        .to("mock:events");
            }
        };
    }

    private void deliverTo(boolean duplicate, boolean shuffle) {
        admin().configureWebhooks("http://127.0.0.1:" + port + "/zest/events", SECRET, 0.001, duplicate, shuffle);
    }

    private MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }

    /** Creates four SPV requests and takes each down another path: approved, rejected, cancelled, left pending. */
    private int spvRequestLifecycles() {
        SandboxFlows flows = new SandboxFlows(template, admin());
        String approved = flows.createSpvRequest().spvRequestSlug();
        admin().approve(approved);
        String rejected = flows.createSpvRequest().spvRequestSlug();
        admin().reject(rejected, "Incomplete attributes");
        String cancelled = flows.createSpvRequest().spvRequestSlug();
        template.requestBodyAndHeader("zest:cancelSpvRequest", null, ZestConstants.SLUG, cancelled, SpvRequestResponse.class);
        flows.createSpvRequest();
        return 4 + 3;
    }

    private void awaitAllDelivered(int deliveries) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> all = admin().deliveries(null);
            return all.size() == deliveries && all.stream().allMatch(d -> "delivered".equals(d.get("status")));
        });
    }

    @Test
    void eachLifecycleEventArrivesOnceTypedWithHeaders() throws Exception {
        deliverTo(false, false);
        int expected = spvRequestLifecycles();
        events().expectedMessageCount(expected);
        awaitAllDelivered(expected);
        events().assertIsSatisfied();

        Map<String, Long> types = events().getExchanges().stream()
                .collect(Collectors.groupingBy(e -> e.getMessage().getHeader(ZestConstants.EVENT_TYPE, String.class),
                        Collectors.counting()));
        assertEquals(Map.of("spv_request.created", 4L, "spv_request.completed", 1L, "spv_request.rejected", 1L,
                "spv_request.cancelled", 1L), types);
        for (Exchange exchange : events().getExchanges()) {
            ZestEvent event = exchange.getMessage().getBody(ZestEvent.class);
            assertEquals(event.eventId(), exchange.getMessage().getHeader(ZestConstants.EVENT_ID));
            assertEquals(event.occurredAt(), exchange.getMessage().getHeader(ZestConstants.OCCURRED_AT));
            Class<?> expectedType = switch (event.eventType()) {
                case "spv_request.created" -> SpvRequestCreated.class;
                case "spv_request.completed" -> SpvRequestCompleted.class;
                case "spv_request.rejected" -> SpvRequestRejected.class;
                default -> SpvRequestCancelled.class;
            };
            assertInstanceOf(expectedType, event.data());
        }
        SpvRequestCompleted completed = events().getExchanges().stream()
                .map(e -> e.getMessage().getBody(ZestEvent.class).data())
                .filter(SpvRequestCompleted.class::isInstance).map(SpvRequestCompleted.class::cast).findFirst().orElseThrow();
        assertEquals("approved", completed.status());
        assertEquals(true, completed.materialisedRefs().vehicleSlug() != null);
    }

    @Test
    void duplicatedAndShuffledDeliveriesAreRoutedOncePerEventId() throws Exception {
        deliverTo(true, true);
        int expected = spvRequestLifecycles();

        awaitAllDelivered(2 * expected);
        events().expectedMessageCount(expected);
        events().assertIsSatisfied();
        Set<Object> eventIds = events().getExchanges().stream()
                .map(e -> e.getMessage().getHeader(ZestConstants.EVENT_ID)).collect(Collectors.toSet());
        assertEquals(expected, eventIds.size());
    }

    @Test
    void theInvestorJourneyEventsArriveTyped() throws Exception {
        deliverTo(false, false);
        SandboxFlows flows = new SandboxFlows(template, admin());
        SandboxFlows.ApprovedSpv spv = flows.approvedSpv();
        String personId = flows.onboardedInvestor("acme-events-1");
        flows.subscribe(spv, personId);
        Map<String, Object> subscription = new HashMap<>(
                Map.of(ZestConstants.SPV_SLUG, spv.spvSlug(), ZestConstants.PERSON_ID, personId));
        Path form = Files.write(dataDirectory.resolve("form.pdf"), "%PDF-1.7\nsigned\n%%EOF".getBytes());
        template.requestBodyAndHeaders("zest:uploadSubscriptionForm", form.toFile(), subscription);
        subscription.putAll(Map.of(ZestConstants.AMOUNT, "50000.00", ZestConstants.CURRENCY, "USD",
                ZestConstants.WIRE_REFERENCE, "ACME-WIRE-9"));
        template.requestBodyAndHeaders("zest:uploadFundingReceipt", form.toFile(), subscription);
        admin().completeSubscription(spv.spvSlug(), personId);

        Map<String, Class<?>> expected = Map.of("spv_request.created", SpvRequestCreated.class,
                "spv_request.completed", SpvRequestCompleted.class, "investor.created", InvestorCreated.class,
                "subscription.created", SubscriptionCreated.class,
                "signed_subscription_form.uploaded", SignedSubscriptionFormUploaded.class,
                "funding_receipt.uploaded", FundingReceiptUploaded.class,
                "subscription.completed", SubscriptionCompleted.class);
        events().expectedMessageCount(expected.size());
        awaitAllDelivered(expected.size());
        events().assertIsSatisfied();
        for (Exchange exchange : events().getExchanges()) {
            ZestEvent event = exchange.getMessage().getBody(ZestEvent.class);
            assertInstanceOf(expected.get(event.eventType()), event.data(), event.eventType());
        }
        assertEquals(expected.keySet(), events().getExchanges().stream()
                .map(e -> e.getMessage().getHeader(ZestConstants.EVENT_TYPE, String.class)).collect(Collectors.toSet()));
    }
}
