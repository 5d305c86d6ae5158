package dev.camelzest.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

/** Plain JDBC for the ledger's repositories: parameters bound by type, times as UTC, one connection per call. */
final class Jdbc {

    /** Maps the current row of a result set. */
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs of an upsert that met a concurrent insert of the same row (H2 only; see {@link Upsert}). */
    private static final int UPSERT_ATTEMPTS = 3;

    private final DataSource dataSource;
    private volatile Upsert.Dialect dialect;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs the upsert of the database's dialect; a unique-key race with another writer runs it again. */
    int upsert(String what, Upsert upsert, Object... parameters) {
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(upsert.sql(dialect(connection)))) {
                bind(statement, parameters);
                return statement.executeUpdate();
            } catch (SQLException e) {
                if (attempt >= UPSERT_ATTEMPTS || !isUniqueViolation(e)) {
                    throw new LedgerException("Cannot " + what, e);
                }
            }
        }
    }

    private Upsert.Dialect dialect(Connection connection) throws SQLException {
        Upsert.Dialect known = dialect;
        if (known == null) {
            known = Upsert.Dialect.of(connection.getMetaData().getDatabaseProductName());
            dialect = known;
        }
        return known;
    }

    /**
     * Makes every commit so far durable now: H2 writes its commits to its file a moment after they return, so a
     * process killed in between loses them; there a synced checkpoint writes them. A PostgreSQL commit is durable
     * when it returns. Answers false when the checkpoint was refused (a user without H2's admin right).
     */
    boolean syncToDisk() {
        try (Connection connection = dataSource.getConnection()) {
            if (dialect(connection) == Upsert.Dialect.H2) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** SQLState 23505, in the exception or the batch's cause chain (H2 and PostgreSQL alike). */
    static boolean isUniqueViolation(SQLException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getNextException() != null
                    && "23505".equals(sql.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    int update(String what, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerException("Cannot " + what, e);
        }
    }

    <T> List<T> query(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot " + what, e);
        }
    }

    <T> Optional<T> queryOne(String what, String sql, RowMapper<T> mapper, Object... parameters) {
        return query(what, sql, mapper, parameters).stream().findFirst();
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            int index = i + 1;
            if (value instanceof Instant instant) {
                statement.setObject(index, instant.atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof TypedNull typedNull) {
                statement.setNull(index, typedNull.sqlType);
            } else {
                statement.setString(index, (String) value);
            }
        }
    }

    /** A time that may be absent, bound with its SQL type so that both H2 and PostgreSQL know what the null is. */
    static Object time(Instant value) {
        return value == null ? TypedNull.TIME : value;
    }

    private enum TypedNull {
        TIME(Types.TIMESTAMP_WITH_TIMEZONE);

        private final int sqlType;

        TypedNull(int sqlType) {
            this.sqlType = sqlType;
        }
    }
}
