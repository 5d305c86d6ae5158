package dev.camelzest.app;

import java.util.List;
import java.util.Locale;

/** What the application talks to, each either real (configured) or embedded (the demo's stand-in). */
enum Counterpart {

    ZEST(AppProperties.ZEST_BASE_URL, List.of(AppProperties.ZEST_BASE_URL, AppProperties.ZEST_CLIENT_ID,
            AppProperties.ZEST_ISSUER, AppProperties.ZEST_PRIVATE_KEY, AppProperties.WEBHOOK_SECRET)),
    SFTP(AppProperties.SFTP_HOST, List.of(AppProperties.SFTP_HOST, AppProperties.SFTP_USERNAME)),
    LEDGER(AppProperties.LEDGER_JDBC_URL, List.of(AppProperties.LEDGER_JDBC_URL));

    /** The setting whose presence says "this one is real". */
    final String locator;
    /** Every setting a real one needs. */
    final List<String> required;

    Counterpart(String locator, List<String> required) {
        this.locator = locator;
        this.required = required;
    }

    /** As written in {@code app.embedded}. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
