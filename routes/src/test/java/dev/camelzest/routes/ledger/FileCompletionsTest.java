package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import dev.camelzest.fixtures.time.MutableClock;
import dev.camelzest.routes.ledger.FileCompletions.Outputs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Completed files on the embedded ledger (H2's {@code MERGE}); the PostgreSQL statement runs in
 * {@code ReplicaCrashTest}'s kills on the shared ledger.
 */
class FileCompletionsTest {

    private static final String SOURCE = "sftp://sftp.acme.example:22/investors";
    private static final String IMPORT_ID = "a".repeat(64);
    private static final Outputs OWN_NAMES = new Outputs("monday.results.csv", "monday.errors.csv",
            "monday.summary.json");
    private static final Outputs STAMPED = new Outputs("monday.20261205T060000Z.results.csv",
            "monday.20261205T060000Z.errors.csv", "monday.20261205T060000Z.summary.json");

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private Ledger ledger;
    private FileCompletions completions;

    @BeforeEach
    void open() {
        ledger = Ledger.open(LedgerSettings.embedded(temp));
        completions = new FileCompletions(ledger.dataSource(), clock);
    }

    @AfterEach
    void close() {
        ledger.close();
    }

    @Test
    void aCompletionKeepsTheNamesOfItsFirstRecording() {
        assertThat(completions.unmoved(SOURCE, IMPORT_ID)).isEmpty();

        assertThat(completions.record(SOURCE, IMPORT_ID, "monday.csv", OWN_NAMES)).isEqualTo(OWN_NAMES);
        assertThat(completions.record(SOURCE, IMPORT_ID, "monday.csv", STAMPED))
                .as("a later attempt publishes under the names recorded first").isEqualTo(OWN_NAMES);
        assertThat(completions.unmoved(SOURCE, IMPORT_ID)).contains(OWN_NAMES);
        assertThat(completions.unmoved("file:/srv/other-drop", IMPORT_ID)).as("another directory").isEmpty();
    }

    @Test
    void onceMovedTheSameFileDroppedAgainIsANewImport() {
        completions.record(SOURCE, IMPORT_ID, "monday.csv", OWN_NAMES);
        completions.moved(SOURCE, IMPORT_ID);
        assertThat(completions.unmoved(SOURCE, IMPORT_ID)).isEmpty();

        assertThat(completions.record(SOURCE, IMPORT_ID, "monday.csv", STAMPED)).isEqualTo(STAMPED);
        assertThat(completions.unmoved(SOURCE, IMPORT_ID)).contains(STAMPED);
    }

    @Test
    void completionsMovedMoreThanADayAgoAreDeleted() throws Exception {
        completions.record(SOURCE, IMPORT_ID, "monday.csv", OWN_NAMES);
        completions.moved(SOURCE, IMPORT_ID);
        completions.record(SOURCE, "b".repeat(64), "tuesday.csv", OWN_NAMES);
        assertThat(rows()).isEqualTo(2);

        clock.advance(Duration.ofHours(25));
        completions.record(SOURCE, "c".repeat(64), "wednesday.csv", OWN_NAMES);
        assertThat(rows()).as("the moved one gone, the unmoved one kept").isEqualTo(2);
        assertThat(completions.unmoved(SOURCE, "b".repeat(64))).isPresent();
    }

    private int rows() throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM zest_file_completions")) {
            count.next();
            return count.getInt(1);
        }
    }
}
