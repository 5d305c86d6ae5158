package dev.camelzest.routes.ledger;

/**
 * One insert-or-update statement in the two dialects the ledger runs on, with the same parameters in the same order.
 * PostgreSQL's {@code INSERT ... ON CONFLICT} is atomic, so two writers of the same new row both succeed without an
 * error; H2 has no such statement, and its {@code MERGE} does not lock a row that does not exist yet, so there the
 * loser of that race meets the unique key and {@link Jdbc#upsert} runs the statement again, now finding the row.
 */
record Upsert(String h2Merge, String postgresInsertOnConflict) {

    String sql(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? postgresInsertOnConflict : h2Merge;
    }

    /** The databases the ledger runs on: the embedded H2, and PostgreSQL in production. */
    enum Dialect {
        H2, POSTGRESQL;

        static Dialect of(String databaseProductName) {
            return "PostgreSQL".equalsIgnoreCase(databaseProductName) ? POSTGRESQL : H2;
        }
    }
}
