package dev.camelzest.sandbox.state;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Zest-style public ids: a type prefix and random lowercase alphanumerics ({@code svr_a1b2c3...}).
 * Twelve characters (62 bits) keep collisions negligible at millions of entities.
 */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int LENGTH = 12;

    private Ids() {
    }

    public static String next(String prefix) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder id = new StringBuilder(prefix.length() + LENGTH).append(prefix);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
