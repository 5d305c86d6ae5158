package dev.camelzest.component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Every secret the test suite handles (keys, tokens, assertions), for LogSecretsTest to look for in the log. */
public final class SuiteSecrets {

    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private SuiteSecrets() {
    }

    public static void register(String secret) {
        if (secret == null || secret.isBlank()) {
            return;
        }
        // PEM: each base64 line on its own, so a key logged in any line layout is still found
        for (String line : secret.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.length() >= 16 && !trimmed.startsWith("-----")) {
                SECRETS.add(trimmed);
            }
        }
    }

    public static Set<String> all() {
        return Set.copyOf(SECRETS);
    }
}
