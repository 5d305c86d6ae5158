package dev.camelzest.sandbox.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook deliveries the way Zest does (sandbox README, *Webhook signature*):
 * {@code Zest-Signature: t=<unix seconds>,v1=<lowercase hex HMAC-SHA256 over "<t>.<raw body>">}, keyed
 * with the UTF-8 bytes of the whole {@code whsec_...} secret, prefix included. Holds the secret; never
 * shows it.
 */
public final class WebhookSigner {

    public static final String HEADER = "Zest-Signature";
    private static final String ALGORITHM = "HmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    public WebhookSigner(String secret) {
        Objects.requireNonNull(secret, "secret");
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** A fresh secret in Zest's format: {@code whsec_} + 32 lowercase hex digits. */
    public static String newSecret() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return WebhookSettings.SECRET_PREFIX + HexFormat.of().formatHex(bytes);
    }

    /** The {@value #HEADER} header value for a body sent at {@code unixSeconds}. */
    public String signatureHeader(long unixSeconds, byte[] rawBody) {
        return "t=" + unixSeconds + ",v1=" + v1(unixSeconds, rawBody);
    }

    /** The lowercase hex HMAC-SHA256 of {@code "<t>.<raw body>"}. */
    public String v1(long unixSeconds, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(rawBody));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "WebhookSigner[secret=****]";
    }
}
