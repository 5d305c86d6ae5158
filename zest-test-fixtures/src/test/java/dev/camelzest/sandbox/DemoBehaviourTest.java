package dev.camelzest.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.sandbox.state.Subscription;

/** The demo options: Zest's back office approves requests and completes funded subscriptions by itself. */
class DemoBehaviourTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(options -> options
            .autoApproveAfter(Duration.ofMillis(200))
            .autoCompleteAfter(Duration.ofMillis(200)));

    @Test
    void requestsAreApprovedAndFundedSubscriptionsCompletedAfterTheDelay() {
        Session session = Session.afterReset(SANDBOX);
        TestHttp http = session.http();
        String slug = http.post("/v1/spv-requests", session.token(), Samples.spvRequest(http).toString(),
                "Idempotency-Key", UUID.randomUUID().toString()).json().get("spvRequestSlug").asText();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                http.get("/v1/spv-requests/" + slug, session.token()).json().get("status").asText().equals("approved"));

        Journey journey = new Journey(SANDBOX, session);
        var request = http.get("/v1/spv-requests/" + slug, session.token()).json();
        String spvSlug = request.at("/materialisedRefs/vehicleSlug").asText();
        String person = journey.person("demo-investor");
        journey.subscribe(spvSlug, List.of(Journey.subscription(person,
                request.at("/feesAndCarry/shareClasses/0/slug").asText())));
        journey.uploadForm(spvSlug, person, Multipart.pdf(), "application/pdf");
        journey.uploadFunding(spvSlug, person, Multipart.pdf(), "application/pdf");

        await().atMost(Duration.ofSeconds(10)).until(() -> SANDBOX.sandbox().context().state().subscriptions()
                .find(spvSlug, person).map(Subscription::isTerminal).orElse(false));
        assertEquals(1, SANDBOX.sandbox().events().events().stream()
                .filter(e -> e.eventType().equals("subscription.completed")).count());
    }

    @Test
    void aRequestCancelledBeforeTheDelayStaysCancelled() {
        Session session = Session.afterReset(SANDBOX);
        TestHttp http = session.http();
        String slug = http.post("/v1/spv-requests", session.token(), Samples.spvRequest(http).toString(),
                "Idempotency-Key", UUID.randomUUID().toString()).json().get("spvRequestSlug").asText();
        assertEquals(200, http.delete("/v1/spv-requests/" + slug, session.token()).status());
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals("cancelled", http.get("/v1/spv-requests/" + slug, session.token()).json().get("status").asText());
    }
}
