package dev.camelzest.routes.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

/** The {@code investors} table: which Zest person each partnerInvestorId became. */
public final class InvestorLedger {

    // the casts carry no length on purpose: a sized cast truncates silently, where the column's own size makes an
    // over-long id fail loudly
    private static final Upsert UPSERT = new Upsert("""
            MERGE INTO investors t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                           CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR)))
                AS s (partner_investor_id, zest_person_id, email, first_name, last_name, source_file, created_by_file)
            ON t.partner_investor_id = s.partner_investor_id
            WHEN MATCHED THEN UPDATE SET zest_person_id = s.zest_person_id, email = s.email,
                first_name = s.first_name, last_name = s.last_name, source_file = s.source_file,
                created_by_file = COALESCE(t.created_by_file, s.created_by_file), updated_at = CURRENT_TIMESTAMP
            WHEN NOT MATCHED THEN INSERT
                (partner_investor_id, zest_person_id, email, first_name, last_name, source_file, created_by_file,
                 created_at, updated_at)
                VALUES (s.partner_investor_id, s.zest_person_id, s.email, s.first_name, s.last_name, s.source_file,
                        s.created_by_file, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            """, """
            INSERT INTO investors
                (partner_investor_id, zest_person_id, email, first_name, last_name, source_file, created_by_file,
                 created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
            ON CONFLICT (partner_investor_id) DO UPDATE SET zest_person_id = EXCLUDED.zest_person_id,
                email = EXCLUDED.email, first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name,
                source_file = EXCLUDED.source_file,
                created_by_file = COALESCE(investors.created_by_file, EXCLUDED.created_by_file),
                updated_at = CURRENT_TIMESTAMP
            """);

    private static final String INSERT = """
            INSERT INTO investors
                (partner_investor_id, zest_person_id, email, first_name, last_name, source_file, created_by_file,
                 created_at, updated_at)
            VALUES\s""";
    private static final String INSERT_VALUES = "(?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    /** Rows per multi-row INSERT: 3,500 parameters, well within what JDBC drivers accept in one statement. */
    private static final int ROWS_PER_INSERT = 500;

    private static final int MAX_ATTEMPTS = 3;

    private final DataSource dataSource;

    public InvestorLedger(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records the mappings of one bulk call in one transaction. The import and the investor.created webhook
     * may record the same investor at the same moment: on PostgreSQL the upsert is atomic ({@link Upsert}); on H2
     * MERGE does not lock a row that does not exist yet, so the loser of that race sees a unique-key violation and
     * runs again, now finding the row.
     */
    public void record(List<InvestorMapping> mappings, String sourceFile) {
        record(mappings, sourceFile, null, Set.of());
    }

    /**
     * Records the mappings of one batch of an import, as {@link #record(List, String)} does, and which file created
     * the persons Zest answered {@code created} for ({@code createdIds}): {@code importId} stands for the file (its
     * name and content). A person keeps the file that created it first; a mapping recorded before (by a webhook)
     * takes the file that created it. Answers which of the mappings were created by this same file: the rows an
     * earlier, interrupted import of it created, which Zest now answers {@code already_exists}.
     */
    public Set<String> record(List<InvestorMapping> mappings, String sourceFile, String importId,
            Set<String> createdIds) {
        if (mappings.isEmpty()) {
            return Set.of();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                upsert(mappings, sourceFile, importId, createdIds);
                return importId == null || createdIds.size() == mappings.size() ? Set.of()
                        : createdBy(importId, mappings, createdIds);
            } catch (SQLException e) {
                if (attempt >= MAX_ATTEMPTS || !Jdbc.isUniqueViolation(e)) {
                    throw new LedgerException("Cannot record " + mappings.size() + " investors from " + sourceFile, e);
                }
            }
        }
    }

    /**
     * On H2 most mappings of an import are new, and a plain INSERT costs a fraction of a MERGE; a batch that meets a
     * recorded investor (a re-import, a webhook first) is rolled back and merged instead. On PostgreSQL the
     * {@code INSERT ... ON CONFLICT} is the one statement.
     */
    private void upsert(List<InvestorMapping> mappings, String sourceFile, String importId, Set<String> createdIds)
            throws SQLException {
        Creators creators = new Creators(sourceFile, importId, createdIds);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Upsert.Dialect dialect = Upsert.Dialect.of(connection.getMetaData().getDatabaseProductName());
                if (dialect == Upsert.Dialect.POSTGRESQL) {
                    // one statement that never fails on a recorded investor: a failed INSERT is an ERROR in the
                    // server's log, for every row the webhook recorded first
                    executeBatch(connection, UPSERT.sql(dialect), mappings, creators);
                } else {
                    try {
                        insert(connection, mappings, creators);
                    } catch (SQLException e) {
                        if (!Jdbc.isUniqueViolation(e)) {
                            throw e;
                        }
                        connection.rollback();
                        executeBatch(connection, UPSERT.sql(dialect), mappings, creators);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** One multi-row INSERT per {@value #ROWS_PER_INSERT} mappings: a statement per row costs H2 a third more. */
    private static void insert(Connection connection, List<InvestorMapping> mappings, Creators creators)
            throws SQLException {
        for (int from = 0; from < mappings.size(); from += ROWS_PER_INSERT) {
            List<InvestorMapping> chunk = mappings.subList(from, Math.min(mappings.size(), from + ROWS_PER_INSERT));
            String sql = INSERT + String.join(", ", Collections.nCopies(chunk.size(), INSERT_VALUES));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int parameter = 0;
                for (InvestorMapping mapping : chunk) {
                    parameter = bind(statement, parameter, mapping, creators);
                }
                statement.executeUpdate();
            }
        }
    }

    private static void executeBatch(Connection connection, String sql, List<InvestorMapping> mappings,
            Creators creators) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (InvestorMapping mapping : mappings) {
                bind(statement, 0, mapping, creators);
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /** Binds one mapping's seven values after {@code parameter}; answers the last parameter bound. */
    private static int bind(PreparedStatement statement, int parameter, InvestorMapping mapping, Creators creators)
            throws SQLException {
        statement.setString(parameter + 1, mapping.partnerInvestorId());
        statement.setString(parameter + 2, mapping.zestPersonId());
        statement.setString(parameter + 3, mapping.email());
        statement.setString(parameter + 4, mapping.firstName());
        statement.setString(parameter + 5, mapping.lastName());
        statement.setString(parameter + 6, creators.sourceFile());
        statement.setString(parameter + 7, creators.createdIds().contains(mapping.partnerInvestorId())
                ? creators.importId() : null);
        return parameter + 7;
    }

    /** The file a batch comes from, and the partnerInvestorIds Zest created persons for from it. */
    private record Creators(String sourceFile, String importId, Set<String> createdIds) {
    }

    /** Which of the mappings not created now were created by the import {@code importId} earlier. */
    private Set<String> createdBy(String importId, List<InvestorMapping> mappings, Set<String> createdIds) {
        List<String> ids = mappings.stream().map(InvestorMapping::partnerInvestorId)
                .filter(id -> !createdIds.contains(id)).toList();
        Set<String> created = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (int from = 0; from < ids.size(); from += ROWS_PER_INSERT) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_INSERT));
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT partner_investor_id FROM investors WHERE created_by_file = ? AND partner_investor_id IN ("
                                + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                    query.setString(1, importId);
                    for (int i = 0; i < chunk.size(); i++) {
                        query.setString(i + 2, chunk.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            created.add(rows.getString(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot look up which investors " + importId + " created", e);
        }
        return created;
    }

    public Optional<String> zestPersonId(String partnerInvestorId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT zest_person_id FROM investors WHERE partner_investor_id = ?")) {
            query.setString(1, partnerInvestorId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new LedgerException("Cannot look up investor " + partnerInvestorId, e);
        }
    }

    public long count() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM investors");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new LedgerException("Cannot count investors", e);
        }
    }
}
