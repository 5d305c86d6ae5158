package dev.camelzest.routes.ledger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partner-side ledger database: a pooled JDBC connection, its schema brought up to date by Flyway
 * ({@code classpath:db/ledger}, {@code V<n>__*.sql}) when opened. Its tables are reached through repositories such
 * as {@link InvestorLedger}, {@link SpvRequestLedger}, {@link SubscriptionLedger} and
 * {@link WebhookEventLedger}.
 */
public final class Ledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);

    /** The Flyway history table of a ledger that shares an application's database with its own migrations. */
    public static final String SHARED_HISTORY_TABLE = "zest_ledger_schema_history";

    private final DataSource dataSource;
    private final AutoCloseable owned;
    private final InvestorLedger investors;
    private final SpvRequestLedger spvRequests;
    private final SubscriptionLedger subscriptions;
    private final WebhookEventLedger webhookEvents;
    private final FileCompletions fileCompletions;

    private Ledger(DataSource dataSource, AutoCloseable owned) {
        this.dataSource = dataSource;
        this.owned = owned;
        this.investors = new InvestorLedger(dataSource);
        this.spvRequests = new SpvRequestLedger(dataSource);
        this.subscriptions = new SubscriptionLedger(dataSource);
        this.webhookEvents = new WebhookEventLedger(dataSource);
        this.fileCompletions = new FileCompletions(dataSource);
    }

    public static Ledger open(LedgerSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("zest-ledger");
        config.setJdbcUrl(settings.effectiveJdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maximumPoolSize());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("Ledger ready at {}", settings.displayUrl());
        return new Ledger(dataSource, dataSource);
    }

    /**
     * The ledger in an application's own database (a Spring Boot {@code DataSource}): migrated with its own history
     * table, {@value #SHARED_HISTORY_TABLE}, so it never mixes with the application's migrations (the schema already
     * holding the application's tables is expected: baseline 0, so every ledger script still runs); the data source
     * stays the application's and is not closed with the ledger.
     */
    public static Ledger onSharedDataSource(DataSource dataSource) {
        migrations(dataSource)
                .table(SHARED_HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new Ledger(dataSource, null);
    }

    static void migrate(DataSource dataSource) {
        migrations(dataSource).load().migrate();
    }

    private static FluentConfiguration migrations(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/ledger");
    }

    /**
     * Publishes the pool's own meters ({@code hikaricp.connections.*}: active, idle, pending, acquire and usage
     * times) in this registry, once. The ledger runs each statement on a connection of its own, so the usage time is
     * the statement latency. A shared data source is the application's: its runtime measures it (Spring Boot does).
     */
    public synchronized void measureIn(MeterRegistry registry) {
        if (owned instanceof HikariDataSource pool && pool.getMetricRegistry() == null) {
            pool.setMetricRegistry(registry);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public InvestorLedger investors() {
        return investors;
    }

    public SpvRequestLedger spvRequests() {
        return spvRequests;
    }

    public SubscriptionLedger subscriptions() {
        return subscriptions;
    }

    public WebhookEventLedger webhookEvents() {
        return webhookEvents;
    }

    public FileCompletions fileCompletions() {
        return fileCompletions;
    }

    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new LedgerException("Closing the ledger's connection pool failed", e);
            }
        }
    }
}
