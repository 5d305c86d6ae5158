package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** POST /v1/spvs/{spv_slug}/subscriptions: pending rows, their webhook, and every refusal. */
class SubscriptionsTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private Session session;
    private Journey journey;

    @BeforeEach
    void freshSandbox() {
        session = Session.afterReset(SANDBOX);
        journey = new Journey(SANDBOX, session);
    }

    @Test
    void eachRowBecomesAPendingSubscriptionWithItsWebhook() {
        Journey.ApprovedSpv spv = journey.approvedSpv();
        String alice = journey.person("alice");
        String bob = journey.person("bob");

        TestHttp.Response response = journey.subscribe(spv.spvSlug(), List.of(
                Journey.subscription(alice, spv.shareClassSlug()),
                Map.of("zestPersonId", bob, "shareClassSlug", spv.shareClassSlug(),
                        "lumpSum", Map.of("currency", "EUR", "value", "1250.50"))));
        assertEquals(201, response.status(), response.body());
        JsonNode first = response.json().at("/results/0");
        assertTrue(first.get("subscriptionSlug").asText().startsWith("sub_"));
        assertEquals(spv.spvSlug(), first.get("spvSlug").asText());
        assertEquals(alice, first.get("personId").asText());
        assertEquals("pending", first.get("status").asText());
        assertEquals("sub-" + alice, first.get("partnerSubscriptionId").asText());
        assertEquals("50000.00", first.at("/lumpSum/value").asText());
        assertEquals(spv.shareClassSlug(), first.get("shareClassSlug").asText());
        assertTrue(response.json().at("/results/1/partnerSubscriptionId").isMissingNode());

        List<PublishedEvents.Event> created = SANDBOX.sandbox().events().events().stream()
                .filter(e -> e.eventType().equals("subscription.created")).toList();
        assertEquals(2, created.size());
        assertEquals(first.get("subscriptionSlug").asText(), created.get(0).data().get("subscriptionSlug"));
        assertEquals("pending", created.get(0).data().get("status"));
    }

    @Test
    void aPersonSubscribingAgainGetsTheSameSubscriptionAndNoNewWebhook() {
        Journey.ApprovedSpv spv = journey.approvedSpv();
        String alice = journey.person("alice");
        String slug = journey.subscribe(spv.spvSlug(), List.of(Journey.subscription(alice, spv.shareClassSlug())))
                .json().at("/results/0/subscriptionSlug").asText();
        TestHttp.Response again = journey.subscribe(spv.spvSlug(),
                List.of(Journey.subscription(alice, spv.shareClassSlug())));
        assertEquals(201, again.status());
        assertEquals(slug, again.json().at("/results/0/subscriptionSlug").asText());
        assertEquals(1, SANDBOX.sandbox().events().events().stream()
                .filter(e -> e.eventType().equals("subscription.created")).count());
    }

    @Test
    void onlyAnApprovedSpvOfThePartnerTakesSubscriptions() {
        String alice = journey.person("alice");
        TestHttp.Response unknown = journey.subscribe("veh_unknown", List.of(Journey.subscription(alice, "sc_x")));
        assertEquals(404, unknown.status());
        assertEquals("not_found", unknown.code());

        TestHttp.Response pending = session.http().post("/v1/spv-requests", session.token(),
                Samples.spvRequest(session.http()).toString(), "Idempotency-Key", UUID.randomUUID().toString());
        String requestSlug = pending.json().get("spvRequestSlug").asText();
        assertEquals(404, journey.subscribe(requestSlug, List.of(Journey.subscription(alice, "sc_x"))).status(),
                "a pending request has no SPV yet");
    }

    @Test
    void anUnknownPersonIsNotFoundAndNothingIsCreated() {
        Journey.ApprovedSpv spv = journey.approvedSpv();
        String alice = journey.person("alice");
        TestHttp.Response response = journey.subscribe(spv.spvSlug(), List.of(
                Journey.subscription(alice, spv.shareClassSlug()),
                Journey.subscription("psn_nobody", spv.shareClassSlug())));
        assertEquals(404, response.status());
        assertEquals("not_found", response.code());
        assertEquals(0, SANDBOX.sandbox().context().state().subscriptions().size());
    }

    @Test
    void badRowsAreValidationErrorsNamingTheirFields() {
        Journey.ApprovedSpv spv = journey.approvedSpv();
        String alice = journey.person("alice");
        String bob = journey.person("bob");
        TestHttp.Response response = journey.subscribe(spv.spvSlug(), List.of(
                Journey.subscription(alice, "sc_unknown"),
                Map.of("zestPersonId", bob, "shareClassSlug", spv.shareClassSlug(),
                        "lumpSum", Map.of("currency", "DOLLARS", "value", "-5")),
                Journey.subscription(bob, spv.shareClassSlug())));
        assertEquals(400, response.status(), response.body());
        assertEquals("validation_error", response.code());
        Map<String, JsonNode> errors = Samples.byField(response.json().get("validationErrors"));
        assertEquals(Map.of(
                "subscriptions[0].shareClassSlug", "unknown_share_class",
                "subscriptions[1].lumpSum.currency", "format",
                "subscriptions[1].lumpSum.value", "format",
                "subscriptions[2].zestPersonId", "duplicate"),
                errors.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> e.getValue().get("code").asText())));
        assertEquals(0, SANDBOX.sandbox().context().state().subscriptions().size());

        TestHttp.Response missing = journey.subscribe(spv.spvSlug(), List.of(Map.of("zestPersonId", alice)));
        assertEquals(400, missing.status());
        assertEquals("validation_error", missing.code());
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        Journey.ApprovedSpv spv = journey.approvedSpv();
        String alice = journey.person("alice");
        List<Map<String, Object>> rows = List.of(Journey.subscription(alice, spv.shareClassSlug()));
        TestHttp.Response first = journey.subscribe(spv.spvSlug(), rows, "Idempotency-Key", "subs-1");
        TestHttp.Response replay = journey.subscribe(spv.spvSlug(), rows, "Idempotency-Key", "subs-1");
        assertEquals(201, replay.status());
        assertEquals(first.body(), replay.body());
        assertEquals(409, journey.subscribe(spv.spvSlug(), List.of(Journey.subscription(journey.person("bob"),
                spv.shareClassSlug())), "Idempotency-Key", "subs-1").status());
    }
}
