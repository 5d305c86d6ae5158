package dev.camelzest.routes.ledger;

import java.nio.file.Path;

/**
 * Where the partner-side ledger lives. With no JDBC URL it is an embedded H2 database in
 * {@code <dataDirectory>/ledger}; with one (for example {@code jdbc:postgresql://db:5432/zest}) it is that database.
 *
 * @param password secret: never logged
 */
public record LedgerSettings(Path dataDirectory, String jdbcUrl, String username, String password,
        int maximumPoolSize) {

    private static final int EMBEDDED_CACHE_KILOBYTES = 8192;

    public static LedgerSettings embedded(Path dataDirectory) {
        return new LedgerSettings(dataDirectory, null, null, null, 4);
    }

    public static LedgerSettings jdbc(String jdbcUrl, String username, String password) {
        return new LedgerSettings(null, jdbcUrl, username, password, 4);
    }

    String effectiveJdbcUrl() {
        if (jdbcUrl != null && !jdbcUrl.isBlank()) {
            return jdbcUrl;
        }
        Path file = dataDirectory.resolve("ledger").resolve("zest-ledger").toAbsolutePath();
        // H2 caches 64 MB of pages by default, a quarter of a small heap; the ledger's lookups are by key
        return "jdbc:h2:file:" + file + ";CACHE_SIZE=" + EMBEDDED_CACHE_KILOBYTES;
    }

    @Override
    public String toString() {
        return "LedgerSettings[" + effectiveJdbcUrl() + ", user " + username + "]";
    }
}
