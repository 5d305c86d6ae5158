package dev.camelzest.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final DataSource dataSource;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
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
