package dev.camelzest.routes.ledger;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.camel.spi.PropertiesComponent;

/**
 * Where the partner-side ledger lives. With no JDBC URL it is an embedded H2 database in
 * {@code <dataDirectory>/ledger}; with one (for example {@code jdbc:postgresql://db:5432/zest}) it is that database.
 *
 * @param password secret: never logged
 */
public record LedgerSettings(Path dataDirectory, String jdbcUrl, String username, String password,
        int maximumPoolSize) {

    /** The properties every part of camel-zest reads the ledger from (environment: {@code ZEST_LEDGER_JDBC_URL}...). */
    public static final String JDBC_URL = "zest.ledger.jdbc-url";
    public static final String USERNAME = "zest.ledger.username";
    public static final String PASSWORD = "zest.ledger.password";
    /** Where the embedded ledger, and everything else camel-zest keeps on disk, lives; default {@code data}. */
    public static final String DATA_DIRECTORY = "zest.data-directory";

    private static final int EMBEDDED_CACHE_KILOBYTES = 8192;
    private static final int POOL_SIZE = 4;
    private static final Pattern USER_INFO = Pattern.compile("//[^/?;@]*@");
    private static final Pattern CREDENTIAL_PARAMETER =
            Pattern.compile("(?i)([?&;](?:user|username|password)=)[^&;]*");

    public static LedgerSettings embedded(Path dataDirectory) {
        return new LedgerSettings(dataDirectory, null, null, null, POOL_SIZE);
    }

    public static LedgerSettings jdbc(String jdbcUrl, String username, String password) {
        return new LedgerSettings(null, jdbcUrl, username, password, POOL_SIZE);
    }

    /** The one reading of the ledger's properties; blank values (an empty environment variable) count as unset. */
    public static LedgerSettings fromProperties(PropertiesComponent properties) {
        return new LedgerSettings(Path.of(value(properties, DATA_DIRECTORY).orElse("data")),
                value(properties, JDBC_URL).orElse(null), value(properties, USERNAME).orElse(null),
                value(properties, PASSWORD).orElse(null), POOL_SIZE);
    }

    private static Optional<String> value(PropertiesComponent properties, String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    public boolean isEmbedded() {
        return jdbcUrl == null || jdbcUrl.isBlank();
    }

    String effectiveJdbcUrl() {
        if (!isEmbedded()) {
            return jdbcUrl;
        }
        Path file = dataDirectory.resolve("ledger").resolve("zest-ledger").toAbsolutePath();
        // H2 caches 64 MB of pages by default, a quarter of a small heap; the ledger's lookups are by key.
        // H2 closes a database from its own JVM shutdown hook unless told not to: that ran beside Camel's, while an
        // import still recorded its last batch. The ledger closes it instead, after Camel has stopped.
        return "jdbc:h2:file:" + file + ";CACHE_SIZE=" + EMBEDDED_CACHE_KILOBYTES + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The JDBC URL as it may be printed: user info and user/password parameters masked. */
    public String displayUrl() {
        String withoutUserInfo = USER_INFO.matcher(effectiveJdbcUrl()).replaceAll("//***@");
        return CREDENTIAL_PARAMETER.matcher(withoutUserInfo).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "LedgerSettings[" + displayUrl() + ", user " + username + "]";
    }
}
