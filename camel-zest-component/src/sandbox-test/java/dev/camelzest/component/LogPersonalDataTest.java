package dev.camelzest.component;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.camelzest.fixtures.logs.PersonalDataInLogs;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class, as {@link LogSecretsTest} does, and scans the suite's log (the component at
 * TRACE) for the personal data of the investors the tests send and receive: emails, dates of birth, names.
 */
@Order(Integer.MAX_VALUE)
class LogPersonalDataTest {

    @Test
    void theSuiteLoggedNoInvestorsPersonalData() {
        Path log = Path.of(System.getProperty("zest.suiteLog", "target/zest-suite.log"));
        assertTrue(Files.exists(log), "the suite log " + log.toAbsolutePath());
        List<String> found = PersonalDataInLogs.find(log);
        assertTrue(found.isEmpty(), "personal data in the log:\n" + String.join("\n", found));
    }
}
