package dev.camelzest.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.sandbox.webhook.WebhookReceiver;

/** The whole partner journey delivers its seven webhooks, each signed, to the partner's endpoint. */
class JourneyWebhooksTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final String SECRET = "whsec_journey0123456789abcdef";

    @Test
    void everyStepOfTheJourneyArrivesSigned() throws Exception {
        Session session = Session.afterReset(SANDBOX);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            SANDBOX.admin().configureWebhooks(receiver.url(), SECRET, 0.001, false, false);
            Journey journey = new Journey(SANDBOX, session);
            Journey.ApprovedSpv spv = journey.approvedSpv();
            String person = journey.person("journey-investor");
            journey.subscribe(spv.spvSlug(), List.of(Journey.subscription(person, spv.shareClassSlug())));
            journey.uploadForm(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");
            journey.uploadFunding(spv.spvSlug(), person, Multipart.png(), "image/png");
            SANDBOX.admin().completeSubscription(spv.spvSlug(), person);

            await().atMost(Duration.ofSeconds(20)).until(() -> SANDBOX.admin().deliveries("delivered").size() == 7);
            assertTrue(receiver.calls().stream().allMatch(WebhookReceiver.Call::signatureValid));
            // delivery is at least once: a retried delivery keeps its eventId
            java.util.Map<String, String> typeById = new java.util.HashMap<>();
            receiver.bodies().forEach(body -> typeById.put(field(body, "eventId"), field(body, "eventType")));
            List<String> types = typeById.values().stream().sorted().toList();
            assertEquals(List.of("funding_receipt.uploaded", "investor.created", "signed_subscription_form.uploaded",
                    "spv_request.completed", "spv_request.created", "subscription.completed",
                    "subscription.created"), types);
        }
    }

    private static String field(String body, String name) {
        try {
            return Json.readTree(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(name).asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
