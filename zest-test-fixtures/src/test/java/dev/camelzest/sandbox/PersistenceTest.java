package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file: a restarted sandbox keeps partners, tokens, SPV requests, SPVs and idempotent answers. */
class PersistenceTest {

    @TempDir
    Path directory;

    @Test
    void stateSurvivesARestart() {
        Path stateFile = directory.resolve("state.json");
        PartnerCredentials partner = PartnerCredentials.generate("persistent-partner");
        String audience = "https://sandbox.api.zestequity.test";
        String key = UUID.randomUUID().toString();
        String body;
        String token;
        TestHttp.Response created;
        String vehicleSlug;
        try (ZestSandbox first = ZestSandbox.builder().audience(audience).stateFile(stateFile).build().start()) {
            first.registerPartner(partner.clientId(), partner.publicKeyPem());
            TestHttp http = new TestHttp(first.baseUrl());
            token = http.token(partner, audience);
            body = Samples.spvRequest(http).toString();
            created = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
            assertEquals(201, created.status());
            vehicleSlug = (String) ((java.util.Map<?, ?>) new dev.camelzest.sandbox.junit.SandboxAdminClient(
                    first.baseUrl()).approve(created.json().get("spvRequestSlug").asText())
                    .get("materialisedRefs")).get("vehicleSlug");
        }
        assertTrue(Files.exists(stateFile));
        String persisted = readString(stateFile);
        assertTrue(!persisted.contains(token), "tokens are stored hashed");

        try (ZestSandbox second = ZestSandbox.builder().audience(audience).stateFile(stateFile).build().start()) {
            TestHttp http = new TestHttp(second.baseUrl());
            String slug = created.json().get("spvRequestSlug").asText();
            TestHttp.Response read = http.get("/v1/spv-requests/" + slug, token);
            assertEquals(200, read.status(), read.body());
            assertEquals("approved", read.json().get("status").asText());
            assertTrue(second.context().state().spvs().find(vehicleSlug).isPresent());

            TestHttp.Response replay = http.post("/v1/spv-requests", token, body, "Idempotency-Key", key);
            assertEquals(201, replay.status());
            assertEquals(created.body(), replay.body());
            assertEquals(201, http.exchange(partner.mintAssertion(audience)).status());

            TestHttp.Response next = http.post("/v1/spv-requests", token, body, "Idempotency-Key", "another-key");
            assertEquals(slug, http.get("/v1/spv-requests", token).json().get("documents").get(1)
                    .get("spvRequestSlug").asText());
            assertEquals(next.json().get("spvRequestSlug"), http.get("/v1/spv-requests", token).json()
                    .get("documents").get(0).get("spvRequestSlug"));
        }
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void investorsSubscriptionsAndDocumentsSurviveARestart() throws Exception {
        Path stateFile = directory.resolve("journey-state.json");
        PartnerCredentials partner = PartnerCredentials.generate("persistent-investor-partner");
        String personId;
        String formUrl;
        String spvSlug;
        try (ZestSandbox first = ZestSandbox.builder().stateFile(stateFile).build().start()) {
            first.registerPartner(partner.clientId(), partner.publicKeyPem());
            TestHttp http = new TestHttp(first.baseUrl());
            String token = http.token(partner, first.audience());
            TestHttp.Response created = http.postJson("/v1/investors", token,
                    java.util.Map.of("investors", java.util.List.of(Journey.investor("kept"))));
            personId = created.json().at("/results/0/zestPersonId").asText();
            TestHttp.Response request = http.post("/v1/spv-requests", token, Samples.spvRequest(http).toString(),
                    "Idempotency-Key", UUID.randomUUID().toString());
            new dev.camelzest.sandbox.junit.SandboxAdminClient(first.baseUrl())
                    .approve(request.json().get("spvRequestSlug").asText());
            var approved = http.get("/v1/spv-requests/" + request.json().get("spvRequestSlug").asText(), token).json();
            spvSlug = approved.at("/materialisedRefs/vehicleSlug").asText();
            http.postJson("/v1/spvs/" + spvSlug + "/subscriptions", token, java.util.Map.of("subscriptions",
                    java.util.List.of(Journey.subscription(personId, approved.at("/feesAndCarry/shareClasses/0/slug").asText()))));
            formUrl = Multipart.upload(first.baseUrl() + "/v1/spvs/" + spvSlug + "/subscription/" + personId + "/forms",
                    token, Multipart.pdf(), "application/pdf", "form.pdf", java.util.Map.of())
                    .json().get("subscriptionFormUrl").asText();
        }
        try (ZestSandbox second = ZestSandbox.builder().port(java.net.URI.create(formUrl).getPort()).stateFile(stateFile)
                .build().start()) {
            TestHttp http = new TestHttp(second.baseUrl());
            String token = http.token(partner, second.audience());
            TestHttp.Response replay = http.postJson("/v1/investors", token,
                    java.util.Map.of("investors", java.util.List.of(Journey.investor("kept"))));
            assertEquals("already_exists", replay.json().at("/results/0/status").asText());
            assertEquals(personId, replay.json().at("/results/0/zestPersonId").asText());
            assertTrue(second.context().state().subscriptions().find(spvSlug, personId).orElseThrow().form() != null);
            java.net.http.HttpResponse<byte[]> document = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(formUrl)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, document.statusCode());
            TestHttp.Response funding = Multipart.upload(second.baseUrl() + "/v1/spvs/" + spvSlug + "/subscription/"
                    + personId + "/fundings", token, Multipart.pdf(), "application/pdf", "r.pdf",
                    java.util.Map.of("amount", "1.00", "currency", "USD", "wireReference", "W-1"));
            assertEquals(201, funding.status(), "the form is still on record: " + funding.body());
        }
    }
}
