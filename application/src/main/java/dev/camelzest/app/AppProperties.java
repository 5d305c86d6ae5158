package dev.camelzest.app;

import java.nio.file.Path;
import java.util.Optional;

import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The application's own properties (not Camel's), read through Camel's properties component. Every name that
 * holds a secret ends in a segment Camel masks wherever it prints properties ({@code secret}, {@code password},
 * {@code private-key}): that is why the webhook secrets are {@code zest.webhook.secret}, comma-separated.
 */
final class AppProperties {

    static final String ZEST_BASE_URL = "zest.base-url";
    static final String ZEST_CLIENT_ID = "zest.client-id";
    static final String ZEST_ISSUER = "zest.issuer";
    static final String ZEST_PRIVATE_KEY = "zest.private-key";
    static final String ZEST_ALLOW_INSECURE_HTTP = "zest.allow-insecure-http";
    static final String WEBHOOK_SECRET = "zest.webhook.secret";
    static final String SFTP_HOST = "sftp.host";
    static final String SFTP_PORT = "sftp.port";
    static final String SFTP_USERNAME = "sftp.username";
    static final String SFTP_PASSWORD = "sftp.password";
    static final String SFTP_PRIVATE_KEY_FILE = "sftp.private-key-file";
    static final String SFTP_KNOWN_HOSTS_FILE = "sftp.known-hosts-file";
    static final String LEDGER_JDBC_URL = LedgerSettings.JDBC_URL;
    static final String LEDGER_USERNAME = LedgerSettings.USERNAME;
    static final String LEDGER_PASSWORD = LedgerSettings.PASSWORD;
    static final String DATA_DIRECTORY = LedgerSettings.DATA_DIRECTORY;
    static final String EMBEDDED = "app.embedded";
    /** How long a file claim outlives its replica: after it, another replica takes the file (default 30s). */
    static final String FILE_CLAIMS_EXPIRY = "zest.file-claims.expiry";
    /** Set by the application: the registry name of the file claims when the ledger is shared, empty otherwise. */
    static final String FILE_CLAIMS_BEAN = "app.file-claims";
    static final String EMBEDDED_SFTP_ROOT = "app.embedded-sftp.root";
    static final String DEV_CONSOLE_ENABLED = "app.dev-console.enabled";
    static final String DEMO_ENABLED = "app.demo.enabled";
    static final String EVENTS_DIRECTORY = "app.events-directory";
    static final String SPV_REQUESTS_DIRECTORY = "app.spv-requests-directory";

    private final PropertiesComponent properties;

    AppProperties(PropertiesComponent properties) {
        this.properties = properties;
    }

    /** The value, or empty when unset or blank (an empty environment variable counts as unset). */
    Optional<String> get(String key) {
        return properties.resolveProperty(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    boolean isSet(String key) {
        return get(key).isPresent();
    }

    boolean isTrue(String key) {
        return Boolean.parseBoolean(get(key, "false"));
    }

    /** Sets a value for the rest of the run: what an embedded part tells the routes about itself. */
    void set(String key, String value) {
        properties.addOverrideProperty(key, value);
    }

    PropertiesComponent component() {
        return properties;
    }

    /** Where everything kept on disk lives; relative paths are against the working directory. */
    Path dataDirectory() {
        return Path.of(get(DATA_DIRECTORY, "data")).toAbsolutePath().normalize();
    }
}
