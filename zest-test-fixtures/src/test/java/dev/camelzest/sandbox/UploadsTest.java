package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** Signed forms and funding receipts: size, type, order and terminal-state rules, links and webhooks. */
class UploadsTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private Journey journey;
    private Journey.ApprovedSpv spv;
    private String person;

    @BeforeEach
    void subscribed() {
        journey = new Journey(SANDBOX, Session.afterReset(SANDBOX));
        spv = journey.approvedSpv();
        person = journey.person("alice");
        journey.subscribe(spv.spvSlug(), List.of(Journey.subscription(person, spv.shareClassSlug())));
    }

    @Test
    void theFormThenTheReceiptAreStoredLinkedAndAnnounced() throws Exception {
        TestHttp.Response form = journey.uploadForm(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");
        assertEquals(201, form.status(), form.body());
        JsonNode formBody = form.json();
        assertTrue(formBody.get("subscriptionSlug").asText().startsWith("sub_"));
        assertEquals(spv.spvSlug(), formBody.get("spvSlug").asText());
        assertEquals(person, formBody.get("personId").asText());
        assertTrue(formBody.has("uploadedAt"));
        assertArrayEquals(Multipart.pdf(), download(formBody.get("subscriptionFormUrl").asText(), "application/pdf"));

        TestHttp.Response funding = journey.uploadFunding(spv.spvSlug(), person, Multipart.png(), "image/png");
        assertEquals(201, funding.status(), funding.body());
        JsonNode fundingBody = funding.json();
        assertEquals("50000.00", fundingBody.get("amount").asText());
        assertEquals("USD", fundingBody.get("currency").asText());
        assertEquals("WIRE-" + person, fundingBody.get("wireReference").asText());
        assertArrayEquals(Multipart.png(), download(fundingBody.get("fundingReceiptUrl").asText(), "image/png"));

        Map<String, Map<String, Object>> events = new java.util.HashMap<>();
        SANDBOX.sandbox().events().events().forEach(e -> events.put(e.eventType(), e.data()));
        assertEquals("alice", events.get("signed_subscription_form.uploaded").get("partnerInvestorId"));
        assertEquals(formBody.get("subscriptionFormUrl").asText(),
                events.get("signed_subscription_form.uploaded").get("subscriptionFormUrl"));
        assertEquals("WIRE-" + person, events.get("funding_receipt.uploaded").get("wireReference"));
        assertEquals("alice", events.get("funding_receipt.uploaded").get("partnerInvestorId"));
    }

    @Test
    void aFileOverTenMegabytesIsTooLarge() {
        byte[] big = Arrays.copyOf(Multipart.pdf(), 10 * 1024 * 1024 + 1);
        TestHttp.Response response = journey.uploadForm(spv.spvSlug(), person, big, "application/pdf");
        assertEquals(413, response.status());
        assertEquals("payload_too_large", response.code());
    }

    @Test
    void anotherTypeIsRefusedByItsContentTypeOrByItsBytes() {
        TestHttp.Response text = journey.uploadForm(spv.spvSlug(), person,
                "just text".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertEquals(415, text.status());
        assertEquals("unsupported_media_type", text.code());

        TestHttp.Response disguised = journey.uploadForm(spv.spvSlug(), person,
                "just text, named .pdf".getBytes(StandardCharsets.UTF_8), "application/pdf");
        assertEquals(415, disguised.status());

        TestHttp.Response mislabelled = journey.uploadForm(spv.spvSlug(), person, Multipart.png(), "application/pdf");
        assertEquals(415, mislabelled.status());

        TestHttp.Response missing = journey.uploadForm(spv.spvSlug(), person, null, null);
        assertEquals(400, missing.status());
        assertTrue(SANDBOX.sandbox().events().events().stream()
                .noneMatch(e -> e.eventType().equals("signed_subscription_form.uploaded")));
    }

    @Test
    void aReceiptBeforeTheFormIsAConflict() {
        TestHttp.Response early = journey.uploadFunding(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");
        assertEquals(409, early.status());
        assertEquals("conflict", early.code());
    }

    @Test
    void aCompletedSubscriptionTakesNoMoreDocuments() {
        journey.uploadForm(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");
        assertEquals(409, completeStatus(), "not funded yet: nothing to reconcile");
        journey.uploadFunding(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");

        Map<String, Object> completed = SANDBOX.admin().completeSubscription(spv.spvSlug(), person);
        assertEquals("completed", completed.get("status"));
        assertTrue(completed.containsKey("completedAt"));
        Map<String, Object> event = SANDBOX.sandbox().events().events().stream()
                .filter(e -> e.eventType().equals("subscription.completed")).findFirst().orElseThrow().data();
        assertEquals("completed", event.get("status"));
        assertEquals("alice", event.get("partnerInvestorId"));
        assertEquals("sub-" + person, event.get("partnerSubscriptionId"));

        assertEquals(409, journey.uploadForm(spv.spvSlug(), person, Multipart.pdf(), "application/pdf").status());
        assertEquals(409, journey.uploadFunding(spv.spvSlug(), person, Multipart.pdf(), "application/pdf").status());
        assertEquals(409, completeStatus(), "completed is terminal");
    }

    @Test
    void uploadsForSomethingUnknownAreNotFound() {
        assertEquals(404, journey.uploadForm("veh_unknown", person, Multipart.pdf(), "application/pdf").status());
        assertEquals(404, journey.uploadForm(spv.spvSlug(), "psn_unknown", Multipart.pdf(), "application/pdf").status());
        String unsubscribed = journey.person("bob");
        TestHttp.Response response = journey.uploadForm(spv.spvSlug(), unsubscribed, Multipart.pdf(), "application/pdf");
        assertEquals(404, response.status());
        assertEquals("not_found", response.code());
    }

    @Test
    void fundingMetadataIsValidated() {
        journey.uploadForm(spv.spvSlug(), person, Multipart.pdf(), "application/pdf");
        TestHttp.Response response = journey.uploadFunding(spv.spvSlug(), person, Multipart.pdf(), "application/pdf",
                Map.of("amount", "lots", "currency", "USD"));
        assertEquals(400, response.status(), response.body());
        assertEquals("validation_error", response.code());
        assertEquals(java.util.Set.of("amount", "wireReference"),
                Samples.byField(response.json().get("validationErrors")).keySet());
    }

    private int completeStatus() {
        try {
            SANDBOX.admin().completeSubscription(spv.spvSlug(), person);
            return 200;
        } catch (SandboxAdminClient.AdminCallFailed e) {
            return e.status();
        }
    }

    private static byte[] download(String url, String contentType) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals(contentType, response.headers().firstValue("Content-Type").orElse(null));
        return response.body();
    }
}
