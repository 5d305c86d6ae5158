package dev.camelzest.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.camelzest.fixtures.logs.PersonalDataInLogs;
import org.junit.jupiter.api.Test;

/**
 * Runs after the routes' tests (failsafe, once every test JVM has ended) and scans everything they logged, one file
 * per test JVM, for the personal data in the investor files they imported: emails, dates of birth, names. Rows are
 * reported by file, row number and partnerInvestorId, never by the person.
 */
class LogPersonalDataIT {

    @Test
    void theSuiteLoggedNoInvestorsPersonalData() throws IOException {
        Path directory = Path.of(System.getProperty("routes.suiteLogDirectory", "target"));
        List<Path> logs;
        try (Stream<Path> files = Files.list(directory)) {
            logs = files.filter(file -> file.getFileName().toString().matches("routes-suite-\\d+\\.log")).toList();
        }
        assertThat(logs).as("the test JVMs' logs in " + directory).isNotEmpty();
        for (Path log : logs) {
            assertThat(PersonalDataInLogs.find(log)).as("personal data in " + log.getFileName()).isEmpty();
        }
    }
}
