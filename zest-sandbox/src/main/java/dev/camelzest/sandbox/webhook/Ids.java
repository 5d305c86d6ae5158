package dev.camelzest.sandbox.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Zest-style identifiers: a prefix and 16 lowercase hex digits (64 random bits). */
final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** {@code wde_...}: the eventId receivers de-duplicate on. */
    static String eventId() {
        return "wde_" + randomHex();
    }

    /** {@code dlv_...}: one delivery of an event (an event has two in duplicate mode). */
    static String deliveryId() {
        return "dlv_" + randomHex();
    }

    private static String randomHex() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
