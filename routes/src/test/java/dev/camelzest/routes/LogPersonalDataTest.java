package dev.camelzest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.camelzest.fixtures.logs.PersonalDataInLogs;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test class (junit-platform.properties orders classes) and scans everything the routes'
 * suite logged for the personal data in the investor files it imported: emails, dates of birth, names. Rows are
 * reported by file, row number and partnerInvestorId, never by the person.
 */
@Order(Integer.MAX_VALUE)
class LogPersonalDataTest {

    @Test
    void theSuiteLoggedNoInvestorsPersonalData() {
        Path log = Path.of(System.getProperty("routes.suiteLog", "target/routes-suite.log"));
        assertThat(log).as("the suite log").exists();
        assertThat(PersonalDataInLogs.find(log)).as("personal data in the log").isEmpty();
    }
}
