package dev.camelzest.component.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import dev.camelzest.component.webhook.ZestWebhookSignatureException.Reason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The standalone verifier and signer, against the FACTS.md test vector and each kind of bad header. */
class ZestWebhookSignatureTest {

    static final String SECRET = "whsec_0123456789abcdef";
    static final long T = 1714829400L;
    static final byte[] BODY = ("{\"eventId\":\"wde_2c5d6b3e9f1a4d7c\",\"eventType\":\"spv_request.created\","
                                + "\"occurredAt\":\"2026-05-07T12:00:00.123Z\",\"data\":{}}").getBytes(StandardCharsets.UTF_8);
    static final String V1 = "06cd5ce4a9f3970aa46c79be9a1616d74be4daa9e0f6b2d692611a266ee270e5";

    private final ZestWebhookSignature verifier = ZestWebhookSignature.of(SECRET).withClock(at(T + 10));

    private static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private Reason failure(ZestWebhookSignature signature, String header, byte[] body) {
        return assertThrows(ZestWebhookSignatureException.class, () -> signature.verify(header, body)).getReason();
    }

    @Test
    void signsTheTestVector() {
        assertEquals(V1, ZestWebhookSignature.v1(SECRET, T, BODY));
        assertEquals("t=" + T + ",v1=" + V1, ZestWebhookSignature.sign(SECRET, T, BODY));
    }

    @Test
    void verifiesTheTestVector() {
        assertDoesNotThrow(() -> verifier.verify("t=" + T + ",v1=" + V1, BODY));
    }

    @Test
    void toleratesWhitespaceUnknownVersionsAndSeveralV1() {
        assertDoesNotThrow(() -> verifier.verify("  t = " + T + " , v2=abcdef, v1=" + "00".repeat(32) + ",v1=" + V1 + " ", BODY));
    }

    @Test
    void refusesOnlyAnUnknownVersion() {
        assertEquals(Reason.NO_SUPPORTED_SIGNATURE, failure(verifier, "t=" + T + ",v2=" + V1, BODY));
    }

    @Test
    void refusesAMissingOrMalformedHeader() {
        assertEquals(Reason.MISSING_HEADER, failure(verifier, null, BODY));
        assertEquals(Reason.MISSING_HEADER, failure(verifier, " ", BODY));
        assertEquals(Reason.MALFORMED_HEADER, failure(verifier, "v1=" + V1, BODY));
        assertEquals(Reason.MALFORMED_HEADER, failure(verifier, "t=soon,v1=" + V1, BODY));
        assertEquals(Reason.MALFORMED_HEADER, failure(verifier, "t=" + T + ",v1", BODY));
        assertEquals(Reason.MALFORMED_HEADER, failure(verifier, "t=" + T + ",v1=xyz", BODY));
        assertEquals(Reason.MALFORMED_HEADER, failure(verifier, "t=" + T + ",t=" + T + ",v1=" + V1, BODY));
    }

    @Test
    void refusesAWrongSecretAForgeryAndAnAlteredBody() {
        assertEquals(Reason.SIGNATURE_MISMATCH,
                failure(ZestWebhookSignature.of("whsec_other").withClock(at(T)), "t=" + T + ",v1=" + V1, BODY));
        assertEquals(Reason.SIGNATURE_MISMATCH, failure(verifier, "t=" + T + ",v1=" + V1.replace('0', '1'), BODY));
        byte[] altered = new String(BODY, StandardCharsets.UTF_8).replace("{}", "{ }").getBytes(StandardCharsets.UTF_8);
        assertEquals(Reason.SIGNATURE_MISMATCH, failure(verifier, "t=" + T + ",v1=" + V1, altered));
        // the timestamp is signed too
        assertEquals(Reason.SIGNATURE_MISMATCH, failure(verifier, "t=" + (T + 1) + ",v1=" + V1, BODY));
    }

    @Test
    void refusesTimestampsOutsideTheToleranceBothWays() {
        String header = "t=" + T + ",v1=" + V1;
        assertDoesNotThrow(() -> ZestWebhookSignature.of(SECRET).withClock(at(T + 300)).verify(header, BODY));
        assertDoesNotThrow(() -> ZestWebhookSignature.of(SECRET).withClock(at(T - 300)).verify(header, BODY));
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                failure(ZestWebhookSignature.of(SECRET).withClock(at(T + 301)), header, BODY));
        assertEquals(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                failure(ZestWebhookSignature.of(SECRET).withClock(at(T - 301)), header, BODY));
        assertDoesNotThrow(() -> ZestWebhookSignature.of(SECRET).withTolerance(Duration.ofHours(1))
                .withClock(at(T + 3000)).verify(header, BODY));
    }

    @Test
    void acceptsEverySecretOfARotation() {
        ZestWebhookSignature rotating = ZestWebhookSignature.of("whsec_new", SECRET).withClock(at(T));
        assertDoesNotThrow(() -> rotating.verify("t=" + T + ",v1=" + V1, BODY));
        assertDoesNotThrow(() -> rotating.verify(ZestWebhookSignature.sign("whsec_new", T, BODY), BODY));
    }

    @Test
    void neverShowsASecret() {
        assertFalse(ZestWebhookSignature.of(SECRET).toString().contains(SECRET));
        assertThrows(IllegalArgumentException.class, () -> ZestWebhookSignature.of(" ", ""));
    }
}
