package dev.camelzest.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after every other test class (junit-platform.properties orders classes) and scans everything the suite
 * logged, at TRACE for the component and DEBUG for Camel, for private keys, access tokens and assertions.
 */
@Order(Integer.MAX_VALUE)
class LogSecretsTest {

    /** A compact JWS: assertions, and access tokens when Zest issues JWTs. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}");

    @Test
    void theSuiteLoggedNoPrivateKeyTokenOrAssertion() throws Exception {
        Path log = Path.of(System.getProperty("zest.suiteLog", "target/zest-suite.log"));
        assertTrue(Files.exists(log), "the suite log " + log.toAbsolutePath());
        List<String> leaks = new ArrayList<>();
        List<String> lines = Files.readAllLines(log);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (JWT.matcher(line).find() || line.contains("PRIVATE KEY")) {
                leaks.add((i + 1) + ": " + JWT.matcher(line).replaceAll("<jwt>"));
            }
            for (String secret : SuiteSecrets.all()) {
                if (line.contains(secret)) {
                    leaks.add((i + 1) + ": a registered secret");
                }
            }
        }
        assertTrue(leaks.isEmpty(), "secrets in the log:\n" + String.join("\n", leaks));
    }
}
