package dev.camelzest.sandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final String BODY = "{\"eventId\":\"wde_2c5d6b3e9f1a4d7c\",\"eventType\":\"spv_request.created\","
            + "\"occurredAt\":\"2026-05-07T12:00:00.123Z\",\"data\":{}}";

    @Test
    void matchesTheIndependentlyComputedTestVector() {
        String v1 = new WebhookSigner(SECRET).v1(1714829400L, BODY.getBytes(StandardCharsets.UTF_8));

        assertEquals("06cd5ce4a9f3970aa46c79be9a1616d74be4daa9e0f6b2d692611a266ee270e5", v1);
    }

    @Test
    void headerIsTimestampThenVersionOneSignature() {
        String header = new WebhookSigner(SECRET).signatureHeader(1714829400L, BODY.getBytes(StandardCharsets.UTF_8));

        assertEquals("t=1714829400,v1=06cd5ce4a9f3970aa46c79be9a1616d74be4daa9e0f6b2d692611a266ee270e5", header);
    }

    @Test
    void signatureCoversTimestampAndEveryBodyByte() {
        WebhookSigner signer = new WebhookSigner(SECRET);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        assertNotEquals(signer.v1(1714829400L, body), signer.v1(1714829401L, body));
        assertNotEquals(signer.v1(1714829400L, body), signer.v1(1714829400L, (BODY + " ").getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(signer.v1(1714829400L, body), new WebhookSigner("whsec_0123456789abcdee").v1(1714829400L, body));
    }

    @Test
    void neverShowsTheSecret() {
        assertFalse(new WebhookSigner(SECRET).toString().contains("0123456789abcdef"));
        assertFalse(new WebhookSettings("http://127.0.0.1:1/", SECRET, 1, false, false).toString()
                .contains("0123456789abcdef"));
    }

    @Test
    void newSecretsHaveZestsFormat() {
        String secret = WebhookSigner.newSecret();

        assertTrue(secret.matches("whsec_[0-9a-f]{32}"), secret);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }
}
