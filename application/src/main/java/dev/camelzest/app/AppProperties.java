package dev.camelzest.app;

import java.nio.file.Path;
import java.util.Optional;

import org.apache.camel.spi.PropertiesComponent;

/** The application's own properties (not Camel's), read through Camel's properties component. */
final class AppProperties {

    static final String ZEST_BASE_URL = "zest.base-url";
    static final String ZEST_AUDIENCE = "zest.audience";
    static final String ZEST_CLIENT_ID = "zest.client-id";
    static final String ZEST_ISSUER = "zest.issuer";
    static final String ZEST_PRIVATE_KEY = "zest.private-key";
    static final String WEBHOOK_HOST = "zest.webhook.host";
    static final String WEBHOOK_PORT = "zest.webhook.port";
    static final String WEBHOOK_PATH = "zest.webhook.path";
    static final String WEBHOOK_SECRETS = "zest.webhook.secrets";
    static final String SFTP_HOST = "sftp.host";
    static final String SFTP_PORT = "sftp.port";
    static final String SFTP_USERNAME = "sftp.username";
    static final String SFTP_PASSWORD = "sftp.password";
    static final String SFTP_KNOWN_HOSTS_FILE = "sftp.known-hosts-file";
    static final String LEDGER_JDBC_URL = "ledger.jdbc-url";
    static final String LEDGER_USERNAME = "ledger.username";
    static final String LEDGER_PASSWORD = "ledger.password";
    static final String DATA_DIRECTORY = "app.data-directory";
    static final String DEMO_ENABLED = "app.demo.enabled";

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

    /** Sets a value for the rest of the run: what an embedded part tells the routes about itself. */
    void set(String key, String value) {
        properties.addOverrideProperty(key, value);
    }

    /** Where the embedded parts keep their state; relative paths are against the working directory. */
    Path dataDirectory() {
        return Path.of(get(DATA_DIRECTORY, "data")).toAbsolutePath().normalize();
    }
}
