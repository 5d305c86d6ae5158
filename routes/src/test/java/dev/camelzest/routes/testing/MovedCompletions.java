package dev.camelzest.routes.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.camelzest.routes.ledger.Ledger;

/** What the ledger's {@code zest_file_completions} holds of the files that moved, read straight from the table. */
public final class MovedCompletions {

    private MovedCompletions() {
    }

    /** The recorded output names (a report's path, for a file with one report) of the completions marked moved. */
    public static List<String> reports(Ledger ledger) throws SQLException {
        List<String> reports = new ArrayList<>();
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT results_name FROM zest_file_completions WHERE moved_at IS NOT NULL")) {
            while (rows.next()) {
                reports.add(rows.getString(1));
            }
        }
        return reports;
    }
}
