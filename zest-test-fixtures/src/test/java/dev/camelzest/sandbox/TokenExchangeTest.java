package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/** The JWT-bearer token exchange and bearer auth, each rejection over real HTTP. */
class TokenExchangeTest {

    private static final String AUDIENCE = "https://sandbox.api.zestequity.test";

    private static ZestSandbox sandbox;
    private static PartnerCredentials partner;
    private static TestHttp http;

    @BeforeAll
    static void start() {
        sandbox = ZestSandbox.builder().audience(AUDIENCE).build().start();
        partner = PartnerCredentials.generate("acme-client");
        sandbox.registerPartner(partner.clientId(), partner.publicKeyPem());
        http = new TestHttp(sandbox.baseUrl());
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void validAssertionGetsABearerTokenInTheDocsShape() {
        TestHttp.Response response = http.exchange(partner.mintAssertion(AUDIENCE));

        assertEquals(201, response.status(), response.body());
        JsonNode token = response.json();
        assertFalse(token.get("accessToken").asText().isBlank());
        assertEquals("Bearer", token.get("tokenType").asText());
        assertEquals(3600, token.get("expiresIn").asInt());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));

        TestHttp.Response info = http.get("/v1/oauth2/info", token.get("accessToken").asText());
        assertEquals(200, info.status(), info.body());
        assertEquals("service", info.json().get("clientType").asText());
        assertEquals("acme-client", info.json().get("clientId").asText());
    }

    @Test
    void hmacAssertionIsRejected() throws Exception {
        String assertion = Assertions.sign(JWSAlgorithm.HS256, new MACSigner(new byte[32]),
                Assertions.validClaims(partner, AUDIENCE).build());
        assertInvalidToken(http.exchange(assertion), "EdDSA");
    }

    @Test
    void rsaAssertionIsRejected() throws Exception {
        String assertion = Assertions.sign(JWSAlgorithm.RS256,
                new RSASSASigner(new RSAKeyGenerator(2048).generate()),
                Assertions.validClaims(partner, AUDIENCE).build());
        assertInvalidToken(http.exchange(assertion), "EdDSA");
    }

    @Test
    void wrongAudienceIsRejected() {
        assertInvalidToken(http.exchange(partner.mintAssertion("https://api.zestequity.com")), "aud");
        assertInvalidToken(http.exchange(partner.mintAssertion(AUDIENCE + "/")), "aud");
    }

    @Test
    void expiredAssertionIsRejected() {
        Instant past = Instant.now().minusSeconds(120);
        String assertion = Assertions.eddsa(partner, AUDIENCE, claims -> claims
                .issueTime(Date.from(past)).expirationTime(Date.from(past.plusSeconds(60))));
        assertInvalidToken(http.exchange(assertion), "expired");
    }

    @Test
    void assertionLivingLongerThanFiveMinutesIsRejected() {
        Instant now = Instant.now();
        String assertion = Assertions.eddsa(partner, AUDIENCE, claims -> claims
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(301))));
        assertInvalidToken(http.exchange(assertion), "lifetime");
    }

    @Test
    void subjectDifferentFromClientIdIsRejected() {
        String assertion = Assertions.eddsa(partner, AUDIENCE, claims -> claims.claim("client_id", "other-client"));
        assertInvalidToken(http.exchange(assertion), "client_id");
    }

    @Test
    void missingClientIdOrIssuerIsRejected() {
        assertInvalidToken(http.exchange(Assertions.eddsa(partner, AUDIENCE, c -> c.claim("client_id", null))),
                "client_id");
        assertInvalidToken(http.exchange(Assertions.eddsa(partner, AUDIENCE, c -> c.issuer(null))), "iss");
    }

    @Test
    void unknownClientIsRejected() {
        PartnerCredentials stranger = PartnerCredentials.generate("stranger");
        assertInvalidToken(http.exchange(stranger.mintAssertion(AUDIENCE)), "Unknown client");
    }

    @Test
    void assertionSignedWithAnotherKeyIsRejected() {
        PartnerCredentials impostor = PartnerCredentials.generate(partner.clientId());
        assertInvalidToken(http.exchange(impostor.mintAssertion(AUDIENCE)), "signature");
    }

    @Test
    void garbageAssertionIsRejected() {
        assertInvalidToken(http.exchange("not-a-jwt"), "JWT");
    }

    @Test
    void missingFormFieldsAreInvalidRequests() {
        TestHttp.Response noAssertion = http.postForm("/v1/oauth2/tokens",
                Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"));
        assertEquals(400, noAssertion.status(), noAssertion.body());
        assertEquals("invalid_request", noAssertion.code());

        TestHttp.Response wrongGrant = http.postForm("/v1/oauth2/tokens",
                Map.of("grant_type", "client_credentials", "assertion", partner.mintAssertion(AUDIENCE)));
        assertEquals(400, wrongGrant.status(), wrongGrant.body());
        assertEquals("invalid_request", wrongGrant.code());
    }

    @Test
    void missingOrMalformedBearerIsInvalidToken() {
        assertInvalidToken(http.get("/v1/oauth2/info", null), "missing");
        assertInvalidToken(http.send(http.request("/v1/oauth2/info", null).header("Authorization", "Basic YTpi")),
                "bearer");
        assertInvalidToken(http.get("/v1/oauth2/info", "no-such-token"), "unknown");
    }

    @Test
    void expiredAccessTokenIsInvalidToken() {
        try (ZestSandbox shortLived = ZestSandbox.builder().tokenTtl(Duration.ofSeconds(1)).build().start()) {
            shortLived.registerPartner(partner.clientId(), partner.publicKeyPem());
            TestHttp client = new TestHttp(shortLived.baseUrl());
            TestHttp.Response exchanged = client.exchange(partner.mintAssertion(shortLived.audience()));
            assertEquals(1, exchanged.json().get("expiresIn").asInt());
            String token = exchanged.json().get("accessToken").asText();
            assertEquals(200, client.get("/v1/oauth2/info", token).status());

            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                    .until(() -> client.get("/v1/oauth2/info", token).status() == 401);
            assertInvalidToken(client.get("/v1/oauth2/info", token), "expired");
        }
    }

    @Test
    void unknownPathAnswersTheErrorEnvelope() {
        TestHttp.Response response = http.get("/v1/nothing-here", null);
        assertEquals(404, response.status());
        assertEquals("not_found", response.code());
        assertFalse(response.json().get("detail").asText().isBlank());
        UUID.fromString(response.json().get("errorId").asText());
        assertFalse(response.json().has("validationErrors"));
    }

    private static void assertInvalidToken(TestHttp.Response response, String detailFragment) {
        assertEquals(401, response.status(), response.body());
        assertEquals("invalid_token", response.code());
        UUID.fromString(response.json().get("errorId").asText());
        assertTrue(response.json().get("detail").asText().toLowerCase().contains(detailFragment.toLowerCase()),
                () -> "detail should mention " + detailFragment + ": " + response.body());
    }
}
