package dev.camelzest.component.webhook;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The eventId store of several instances sharing one database (PostgreSQL; H2 works for a single node): camel-sql's
 * {@link JdbcMessageIdRepository} on the table {@value #TABLE}, whose rows are claims first and routed ids once
 * confirmed.
 * <ul>
 * <li>{@link #add}: the claim. An atomic insert ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL, so a lost
 *     race leaves no error in the server's log); when the id exists, an unconfirmed claim older than the
 *     {@linkplain #setLease lease} is taken over by a conditional update that only one instance can win.</li>
 * <li>{@link #confirm}: the claim becomes a routed id, kept for the {@linkplain #setRetention retention}.</li>
 * <li>{@link #remove}: releases this instance's unconfirmed claim; a confirmed id or another instance's claim stays.</li>
 * <li>Every {@linkplain #setTrimInterval trim interval}, rows claimed longer ago than the retention are deleted, so
 *     the table stays bounded.</li>
 * </ul>
 * Why not camel-sql's repositories as they are: {@code JdbcMessageIdRepository} adds by reading then inserting, so two
 * instances racing for one id either both see it absent or one fails on the key, and it has no confirmed state to tell
 * a routed event from one in flight. {@code JdbcOrphanLockAwareIdempotentRepository} expires every row after its
 * lock age, confirmed ones too (a routed event would be routed again once the lease passed, unless its heartbeat
 * refreshes the id for as long as the instance lives), and its take-over is a read then an update that two instances
 * can both win. There is no heartbeat here: the lease must be longer than the route's worst case (Zest waits 10 s
 * for an answer; the default lease is 5 minutes). Times are the instances' clocks, which must agree to well within
 * the lease.
 */
public class JdbcEventIdRepository extends JdbcMessageIdRepository implements EventClaimRepository, CamelContextAware {

    public static final String TABLE = "zest_webhook_event_ids";
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);
    /** Zest retries a delivery for about 15 h; ids are kept at least 24 h, as Zest advises. */
    public static final Duration MINIMUM_RETENTION = Duration.ofHours(24);
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(48);
    public static final Duration DEFAULT_TRIM_INTERVAL = Duration.ofHours(1);

    static final String CREATE = "CREATE TABLE IF NOT EXISTS " + TABLE + " (processor_name VARCHAR(255) NOT NULL,"
            + " event_id VARCHAR(255) NOT NULL, claimed_by VARCHAR(255) NOT NULL,"
            + " claimed_at TIMESTAMP WITH TIME ZONE NOT NULL, confirmed_at TIMESTAMP WITH TIME ZONE,"
            + " PRIMARY KEY (processor_name, event_id))";
    /** Trimming deletes by claim time. */
    static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS " + TABLE + "_claimed_at ON " + TABLE
            + " (claimed_at)";
    private static final String TABLE_EXISTS = "SELECT 1 FROM " + TABLE + " WHERE 1 = 0";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (processor_name, event_id, claimed_by, claimed_at) VALUES (?, ?, ?, ?)";
    private static final String INSERT_UNLESS_PRESENT = INSERT + " ON CONFLICT (processor_name, event_id) DO NOTHING";
    private static final String TAKE_OVER = "UPDATE " + TABLE + " SET claimed_by = ?, claimed_at = ?"
            + " WHERE processor_name = ? AND event_id = ? AND confirmed_at IS NULL AND claimed_at < ?";
    private static final String CONFIRM = "UPDATE " + TABLE + " SET confirmed_at = ?"
            + " WHERE processor_name = ? AND event_id = ? AND claimed_by = ? AND confirmed_at IS NULL";
    private static final String RELEASE = "DELETE FROM " + TABLE
            + " WHERE processor_name = ? AND event_id = ? AND claimed_by = ? AND confirmed_at IS NULL";
    private static final String COUNT_KNOWN = "SELECT COUNT(*) FROM " + TABLE
            + " WHERE processor_name = ? AND event_id = ? AND (confirmed_at IS NOT NULL OR claimed_at >= ?)";
    private static final String COUNT_CONFIRMED = "SELECT COUNT(*) FROM " + TABLE
            + " WHERE processor_name = ? AND event_id = ? AND confirmed_at IS NOT NULL";
    private static final String TRIM = "DELETE FROM " + TABLE + " WHERE processor_name = ? AND claimed_at < ?";

    /** Who holds a claim: this process and host, and a random part unique to this repository. */
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private Duration lease = DEFAULT_LEASE;
    private Duration retention = DEFAULT_RETENTION;
    private Duration trimInterval = DEFAULT_TRIM_INTERVAL;
    private CamelContext camelContext;
    private ScheduledExecutorService trimmer;
    private volatile boolean insertUnlessPresent;

    public JdbcEventIdRepository() {
        useTable();
    }

    /** The store of the events received under {@code processorName} (one name per webhook endpoint). */
    public JdbcEventIdRepository(DataSource dataSource, String processorName) {
        super(dataSource, processorName);
        useTable();
    }

    /**
     * The table is created here ({@link #createTable}), not by camel-sql: camel-sql 4.14 checks for it and creates it
     * in one transaction, which PostgreSQL aborts at the failed check, so the creation fails there (4.18 uses two).
     */
    private void useTable() {
        setTableExistsString(TABLE_EXISTS);
        setCreateString(CREATE);
        setCreateTableIfNotExists(false);
        setClearString("DELETE FROM " + TABLE + " WHERE processor_name = ?");
    }

    /**
     * Creates the table and its index unless they exist (the ledger's Flyway migration V4 creates the same), each
     * statement its own transaction. Two instances starting at once may both try: PostgreSQL may then refuse the
     * loser's {@code IF NOT EXISTS}, which is fine as long as the table is there afterwards.
     */
    private void createTable() {
        for (String statement : new String[] {CREATE, CREATE_INDEX}) {
            try {
                jdbcTemplate.execute(statement);
            } catch (DataAccessException e) {
                try {
                    jdbcTemplate.execute(TABLE_EXISTS);
                } catch (DataAccessException missing) {
                    e.addSuppressed(missing);
                    throw e;
                }
            }
        }
    }

    @Override
    protected void doInit() throws Exception {
        // not JdbcMessageIdRepository's: it rewrites the statements for a renamed table of its own layout
        if (getTableName() != null) {
            throw new IllegalArgumentException("The eventId table is " + TABLE + "; tableName cannot change it");
        }
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("The claim lease must be positive: " + lease);
        }
        if (retention.compareTo(MINIMUM_RETENTION) < 0 || retention.compareTo(lease) <= 0) {
            throw new IllegalArgumentException("Event ids must be kept at least " + MINIMUM_RETENTION
                    + " and longer than the lease: " + retention);
        }
        if (camelContext == null) {
            throw new IllegalStateException("JdbcEventIdRepository needs the CamelContext, for its trimming");
        }
    }

    @Override
    protected void doStart() throws Exception {
        if (jdbcTemplate == null) {
            jdbcTemplate = new JdbcTemplate(getDataSource());
        }
        createTable();
        super.doStart();
        String database = jdbcTemplate.execute(
                (ConnectionCallback<String>) connection -> connection.getMetaData().getDatabaseProductName());
        insertUnlessPresent = "PostgreSQL".equalsIgnoreCase(database);
        trimmer = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ZestEventIdTrim");
        trimmer.scheduleWithFixedDelay(this::trimQuietly, 0, trimInterval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("Webhook event ids shared in {} as '{}': claims lease {}, ids kept {}", TABLE, processorName, lease,
                retention);
    }

    @Override
    protected void doStop() throws Exception {
        if (trimmer != null) {
            camelContext.getExecutorServiceManager().shutdownNow(trimmer);
            trimmer = null;
        }
        super.doStop();
    }

    /** Claims the id for this instance: true when it is new, or its claim was abandoned longer than the lease ago. */
    @Override
    public boolean add(String key) {
        OffsetDateTime now = now();
        if (insert(key) == 1) {
            return true;
        }
        boolean takenOver = jdbcTemplate.update(TAKE_OVER, instanceId, now, processorName, key, now.minus(lease)) == 1;
        if (takenOver) {
            log.warn("Event {} was claimed more than {} ago and never confirmed (its instance stopped or died):"
                     + " routed here now", key, lease);
        }
        return takenOver;
    }

    @Override
    protected int insert(String key) {
        Object[] row = {processorName, key, instanceId, now()};
        if (insertUnlessPresent) {
            return jdbcTemplate.update(INSERT_UNLESS_PRESENT, row);
        }
        try {
            return jdbcTemplate.update(INSERT, row);
        } catch (DuplicateKeyException present) {
            return 0;
        }
    }

    /** Marks this instance's claim routed: false when it holds no claim on the id (another instance took it over). */
    @Override
    public boolean confirm(String key) {
        return jdbcTemplate.update(CONFIRM, now(), processorName, key, instanceId) == 1;
    }

    /** Releases this instance's claim (through {@link #remove}); a confirmed id or another's claim is kept. */
    @Override
    protected int delete(String key) {
        return jdbcTemplate.update(RELEASE, processorName, key, instanceId);
    }

    /** Known: confirmed, or claimed within the lease. */
    @Override
    protected int queryForInt(String key) {
        return jdbcTemplate.queryForObject(COUNT_KNOWN, Integer.class, processorName, key, now().minus(lease));
    }

    @Override
    public boolean isConfirmed(String eventId) {
        return jdbcTemplate.queryForObject(COUNT_CONFIRMED, Integer.class, processorName, eventId) > 0;
    }

    /** Deletes the ids claimed longer ago than the retention (confirmed ones, and claims abandoned that long). */
    @ManagedOperation(description = "Delete the event ids older than the retention")
    public int trim() {
        return jdbcTemplate.update(TRIM, processorName, now().minus(retention));
    }

    private void trimQuietly() {
        try {
            int trimmed = trim();
            log.debug("Trimmed {} webhook event id(s) older than {}", trimmed, retention);
        } catch (DataAccessException e) {
            log.warn("Trimming the webhook event ids failed; tried again in {}: {}", trimInterval, e.getMessage());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Duration getLease() {
        return lease;
    }

    /** How long an unconfirmed claim holds the event; longer than the route's worst case. Default 5 minutes. */
    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getRetention() {
        return retention;
    }

    /** How long routed ids are kept, at least 24 h. Default 48 h. */
    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public Duration getTrimInterval() {
        return trimInterval;
    }

    /** How often old ids are deleted. Default hourly. */
    public void setTrimInterval(Duration trimInterval) {
        this.trimInterval = trimInterval;
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
