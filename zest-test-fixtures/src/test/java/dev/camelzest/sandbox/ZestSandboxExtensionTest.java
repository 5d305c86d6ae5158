package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** The JUnit 5 extension: one sandbox per class, a registered partner, options applied. */
class ZestSandboxExtensionTest {

    private static final String AUDIENCE = "https://sandbox.api.zestequity.test";

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(builder -> builder
            .audience(AUDIENCE)
            .tokenTtl(Duration.ofSeconds(120))
            .maxInvestorsPerCall(50));

    @Test
    void startsOnALoopbackPortWithTheOptions() {
        assertTrue(SANDBOX.baseUrl().matches("http://127\\.0\\.0\\.1:\\d+"), SANDBOX.baseUrl());
        assertEquals(AUDIENCE, SANDBOX.audience());
        assertEquals(50, SANDBOX.sandbox().context().settings().maxInvestorsPerCall());
    }

    @Test
    void theDefaultPartnerCanAuthenticate() {
        PartnerCredentials partner = SANDBOX.partner();
        assertEquals(ZestSandboxExtension.DEFAULT_CLIENT_ID, partner.clientId());
        assertTrue(partner.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(partner.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        assertTrue(partner.privateKeyJwk().contains("\"d\""));
        assertFalse(partner.toString().contains("PRIVATE"));

        TestHttp http = new TestHttp(SANDBOX.baseUrl());
        TestHttp.Response token = http.exchange(partner.mintAssertion(SANDBOX.audience()));
        assertEquals(201, token.status(), token.body());
        assertEquals(120, token.json().get("expiresIn").asInt());
    }

    @Test
    void theAdminClientTalksToTheSandbox() {
        SANDBOX.admin().reset();
        assertEquals(0, SANDBOX.admin().requests().size());
        assertThrows(RuntimeException.class, () -> SANDBOX.admin().approve("svr_unknown"));
    }

    @Test
    void aFailureCarriesTheSeedThatReplaysTheSandboxsRandomChoices() {
        AssertionError failure = new AssertionError("the faults did not strike");

        Throwable thrown = assertThrows(AssertionError.class,
                () -> SANDBOX.handleTestExecutionException(null, failure));

        assertEquals(failure, thrown);
        long seed = SANDBOX.sandbox().randomSeed();
        assertEquals(1, thrown.getSuppressed().length);
        assertEquals("the Zest sandbox drew its random choices with seed " + seed
                + ": replay with -Dzest.sandbox.seed=" + seed, thrown.getSuppressed()[0].getMessage());
    }

    @Test
    void aTakenPortFailsTheStartCleanly() {
        ZestSandbox second = ZestSandbox.builder().port(SANDBOX.sandbox().port()).build();
        assertThrows(IllegalStateException.class, second::start);
        assertThrows(IllegalStateException.class, second::baseUrl);
    }
}
