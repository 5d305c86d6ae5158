package dev.camelzest.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;

/**
 * Opens the ledger after one plain connection attempt, so that a wrong URL or password ends the start with one
 * line naming the setting to fix instead of the connection pool's stack trace.
 */
final class LedgerStartup {

    /** SQLState class 28: invalid authorization (wrong user or password, in PostgreSQL and H2 alike). */
    private static final String INVALID_AUTHORIZATION = "28";

    private LedgerStartup() {
    }

    static Ledger open(LedgerSettings settings) {
        if (!settings.isEmbedded()) {
            check(settings);
        }
        return Ledger.open(settings);
    }

    private static void check(LedgerSettings settings) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                settings.password())) {
            connection.isValid(5);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String settingsToCheck = state.startsWith(INVALID_AUTHORIZATION)
                    ? AppProperties.LEDGER_USERNAME + " and " + AppProperties.LEDGER_PASSWORD
                    : AppProperties.LEDGER_JDBC_URL;
            throw new StartupRefused("the ledger at " + settings.displayUrl() + " refused the connection"
                    + (settings.username() == null ? "" : " as '" + settings.username() + "'") + ": "
                    + firstLine(e.getMessage()) + " (check " + settingsToCheck + ")");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
