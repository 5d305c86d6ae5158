package dev.camelzest.component.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.webhook.ZestWebhookSignatureException.Reason;

/**
 * Verifies and creates Zest's {@code Zest-Signature} header ({@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over
 * {@code "<t>.<raw body>"}). Usable without Camel, e.g. from a servlet filter or a Spring MVC controller: verify the
 * raw request bytes before parsing them.
 *
 * <pre>
 * ZestWebhookSignature signature = ZestWebhookSignature.of("whsec_new", "whsec_old");
 * signature.verify(request.getHeader(ZestWebhookSignature.HEADER), rawBody); // throws when not from Zest
 * </pre>
 *
 * <p>The HMAC key is the UTF-8 bytes of the whole {@code whsec_...} string, prefix included, as in Zest's sample.
 * Several secrets may be configured while one is rotated: a delivery passes when any {@code v1} matches under any
 * secret. Signatures are compared in constant time. Instances are immutable and thread-safe; {@link #toString()}
 * never shows a secret.
 */
public final class ZestWebhookSignature {

    public static final String HEADER = ZestConstants.SIGNATURE;
    public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String SUPPORTED_VERSION = "v1";

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    private ZestWebhookSignature(List<byte[]> keys, Duration tolerance, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one webhook secret is needed");
        }
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("the tolerance cannot be negative");
        }
        this.keys = keys;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** A verifier accepting signatures made with any of these secrets, within the default 300 s tolerance. */
    public static ZestWebhookSignature of(String... secrets) {
        return of(Arrays.asList(secrets));
    }

    public static ZestWebhookSignature of(Collection<String> secrets) {
        List<byte[]> keys = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                keys.add(secret.strip().getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ZestWebhookSignature(List.copyOf(keys), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    public ZestWebhookSignature withTolerance(Duration tolerance) {
        return new ZestWebhookSignature(keys, tolerance, clock);
    }

    public ZestWebhookSignature withClock(Clock clock) {
        return new ZestWebhookSignature(keys, tolerance, clock);
    }

    public Duration tolerance() {
        return tolerance;
    }

    /**
     * Checks that {@code header} signs {@code rawBody} with one of the secrets, within the tolerance.
     *
     * @throws ZestWebhookSignatureException with the reason, when the delivery must be refused
     */
    public void verify(String header, byte[] rawBody) throws ZestWebhookSignatureException {
        if (header == null || header.isBlank()) {
            throw new ZestWebhookSignatureException(Reason.MISSING_HEADER, "missing " + HEADER + " header");
        }
        ParsedHeader parsed = ParsedHeader.parse(header);
        if (parsed.v1Signatures().isEmpty()) {
            throw new ZestWebhookSignatureException(Reason.NO_SUPPORTED_SIGNATURE, "no v1 signature");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - parsed.timestamp()) > tolerance.toSeconds()) {
            throw new ZestWebhookSignatureException(Reason.TIMESTAMP_OUT_OF_TOLERANCE,
                    "timestamp outside the " + tolerance.toSeconds() + " s tolerance");
        }
        boolean matched = false;
        for (byte[] key : keys) {
            byte[] expected = hmac(key, parsed.timestamp(), rawBody);
            for (byte[] candidate : parsed.v1Signatures()) {
                // no early exit: every comparison runs, each in constant time
                matched |= MessageDigest.isEqual(expected, candidate);
            }
        }
        if (!matched) {
            throw new ZestWebhookSignatureException(Reason.SIGNATURE_MISMATCH, "signature does not match");
        }
    }

    /** The {@code Zest-Signature} header value Zest would send for this body at this time (for partners' tests). */
    public static String sign(String secret, long timestampSeconds, byte[] rawBody) {
        return "t=" + timestampSeconds + "," + SUPPORTED_VERSION + "=" + v1(secret, timestampSeconds, rawBody);
    }

    /** The lowercase hex HMAC-SHA256 of {@code "<t>.<body>"} under {@code secret}. */
    public static String v1(String secret, long timestampSeconds, byte[] rawBody) {
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), timestampSeconds, rawBody));
    }

    private static byte[] hmac(byte[] key, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "ZestWebhookSignature[secrets=" + keys.size() + " (masked), tolerance=" + tolerance + "]";
    }

    /** The parsed header: its timestamp and every v1 signature (other versions are ignored). */
    record ParsedHeader(long timestamp, List<byte[]> v1Signatures) {

        static ParsedHeader parse(String header) throws ZestWebhookSignatureException {
            Long timestamp = null;
            List<byte[]> signatures = new ArrayList<>();
            for (String segment : header.split(",")) {
                String token = segment.strip();
                if (token.isEmpty()) {
                    continue;
                }
                int equals = token.indexOf('=');
                if (equals <= 0) {
                    throw malformed("segment without key=value");
                }
                String key = token.substring(0, equals).strip();
                String value = token.substring(equals + 1).strip();
                if (key.equals("t")) {
                    if (timestamp != null) {
                        throw malformed("more than one timestamp");
                    }
                    timestamp = parseTimestamp(value);
                } else if (key.equals(SUPPORTED_VERSION)) {
                    signatures.add(parseHex(value));
                }
            }
            if (timestamp == null) {
                throw malformed("no timestamp");
            }
            return new ParsedHeader(timestamp, List.copyOf(signatures));
        }

        private static long parseTimestamp(String value) throws ZestWebhookSignatureException {
            if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
                throw malformed("timestamp is not unix seconds");
            }
            return Long.parseLong(value);
        }

        private static byte[] parseHex(String value) throws ZestWebhookSignatureException {
            try {
                return HexFormat.of().parseHex(value);
            } catch (IllegalArgumentException e) {
                throw malformed("v1 is not hex");
            }
        }

        private static ZestWebhookSignatureException malformed(String detail) {
            return new ZestWebhookSignatureException(Reason.MALFORMED_HEADER, "malformed " + HEADER + " header: " + detail);
        }
    }
}
