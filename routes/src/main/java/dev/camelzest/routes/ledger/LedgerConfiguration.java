package dev.camelzest.routes.ledger;

import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * Binds the ledger as bean {@code zestLedger} in a Camel Main application
 * ({@code camel.main.configuration-classes=dev.camelzest.routes.ledger.LedgerConfiguration}). Properties, read by
 * {@link LedgerSettings#fromProperties}:
 * <ul>
 * <li>{@code zest.ledger.jdbc-url}: a JDBC URL such as {@code jdbc:postgresql://db:5432/zest}; empty (the default)
 * means the embedded H2 database in {@code zest.data-directory}/ledger</li>
 * <li>{@code zest.ledger.username}, {@code zest.ledger.password} (secret)</li>
 * <li>{@code zest.data-directory}: default {@code data}</li>
 * </ul>
 */
public class LedgerConfiguration implements CamelConfiguration {

    @BindToRegistry(value = "zestLedger", destroyMethod = "close")
    public Ledger zestLedger(CamelContext camelContext) {
        return Ledger.open(LedgerSettings.fromProperties(camelContext.getPropertiesComponent()));
    }
}
