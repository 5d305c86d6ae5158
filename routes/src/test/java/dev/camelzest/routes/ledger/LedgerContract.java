package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What every ledger database must do; run against H2 and PostgreSQL. */
abstract class LedgerContract {

    /** A ledger on an empty database, opened (and migrated) for one test. */
    abstract Ledger openLedger();

    @Test
    void migrationsCreateTheInvestorsTableOnce() throws Exception {
        try (Ledger ledger = openLedger()) {
            assertThat(appliedMigrations(ledger)).containsExactly("1");
        }
        try (Ledger reopened = openLedger()) {
            assertThat(appliedMigrations(reopened)).containsExactly("1");
        }
    }

    @Test
    void recordsAndResolvesInvestors() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            investors.record(List.of(
                    new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One"),
                    new InvestorMapping("acme-2", "psn_a2", "a2@example.com", "Bob", "Two")), "monday.csv");

            assertThat(investors.zestPersonId("acme-1")).contains("psn_a1");
            assertThat(investors.zestPersonId("acme-2")).contains("psn_a2");
            assertThat(investors.zestPersonId("acme-3")).isEmpty();
            assertThat(investors.count()).isEqualTo(2);
        }
    }

    @Test
    void recordingAgainUpdatesInsteadOfDuplicating() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            investors.record(List.of(new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One")),
                    "monday.csv");
            investors.record(List.of(new InvestorMapping("acme-1", "psn_a1", "ann@example.com", "Ann", "One"),
                    new InvestorMapping("acme-4", "psn_a4", "a4@example.com", "Dee", "Four")), "tuesday.csv");

            assertThat(investors.count()).isEqualTo(2);
            assertThat(investors.zestPersonId("acme-1")).contains("psn_a1");
        }
    }

    @Test
    void aFailedBatchLeavesNothingBehind() {
        try (Ledger ledger = openLedger()) {
            InvestorLedger investors = ledger.investors();
            String tooLong = "x".repeat(300);
            assertThatThrownBy(() -> investors.record(List.of(
                    new InvestorMapping("acme-1", "psn_a1", "a1@example.com", "Ann", "One"),
                    new InvestorMapping(tooLong, "psn_x", "x@example.com", "X", "X")), "bad.csv"))
                    .isInstanceOf(LedgerException.class);
            assertThat(investors.count()).isZero();
        }
    }

    private static List<String> appliedMigrations(Ledger ledger) throws Exception {
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new java.util.ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
            return versions;
        }
    }
}
