package dev.camelzest.routes.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims on dropped files in the ledger's database ({@code zest_file_claims}), so that of several replicas polling
 * the same directory exactly one takes each file: a Camel {@link IdempotentRepository}, used by the file-drop
 * pipeline's read lock and usable as any route's {@code idempotentRepository}.
 * <ul>
 * <li>{@link #add} claims a file in one atomic statement: it inserts the claim, or takes over one whose heartbeat is
 * older than the expiry (its replica died), and answers whether this instance now holds it;</li>
 * <li>while held, this instance's heartbeat renews the claim every third of the expiry;</li>
 * <li>{@link #confirm} (the file was processed and moved) stops the heartbeat but keeps the claim until it expires,
 * so that a replica that listed the file before it moved cannot take it again; {@link #remove} (the import stopped
 * or failed) releases it at once, for any replica to try again;</li>
 * <li>claims older than a day are deleted, so the table stays small.</li>
 * </ul>
 * camel-sql's {@code JdbcOrphanLockAwareIdempotentRepository} has the same idea, but two replicas taking over the
 * same expired claim at once both get it, and a claim taken over is not kept alive by the heartbeat; here the
 * claim is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} (a {@code MERGE} on H2), and the heartbeat covers
 * every claim held. Times are the replicas' clocks, which are expected to be synchronised (NTP) to well within the
 * expiry.
 */
public final class FileClaims extends ServiceSupport implements IdempotentRepository, CamelContextAware {

    private static final Logger LOG = LoggerFactory.getLogger(FileClaims.class);

    /** How long a claim whose replica stopped renewing it blocks the file: then another replica may take it. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int MAX_PATH = 1024;

    private static final Upsert CLAIM = new Upsert("""
            MERGE INTO zest_file_claims t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                           CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (claim_key, file_path, owner, heartbeat_at, stale_before)
            ON t.claim_key = s.claim_key
            WHEN MATCHED AND t.heartbeat_at < s.stale_before THEN UPDATE
                SET file_path = s.file_path, owner = s.owner, heartbeat_at = s.heartbeat_at
            WHEN NOT MATCHED THEN INSERT (claim_key, file_path, owner, heartbeat_at)
                VALUES (s.claim_key, s.file_path, s.owner, s.heartbeat_at)
            """, """
            INSERT INTO zest_file_claims AS t (claim_key, file_path, owner, heartbeat_at)
            VALUES (?, ?, ?, ?)
            ON CONFLICT (claim_key) DO UPDATE
                SET file_path = EXCLUDED.file_path, owner = EXCLUDED.owner, heartbeat_at = EXCLUDED.heartbeat_at
                WHERE t.heartbeat_at < ?
            """);

    private final Jdbc jdbc;
    private final Duration expiry;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private CamelContext camelContext;
    private ScheduledExecutorService heartbeat;

    public FileClaims(DataSource dataSource) {
        this(dataSource, DEFAULT_EXPIRY, Clock.systemUTC());
    }

    public FileClaims(DataSource dataSource, Duration expiry, Clock clock) {
        if (expiry.toMillis() < 3) {
            throw new IllegalArgumentException("The claim expiry must be positive, got " + expiry);
        }
        this.jdbc = new Jdbc(dataSource);
        this.expiry = expiry;
        this.clock = clock;
    }

    /** After how long without a heartbeat a claim is taken over. */
    public Duration expiry() {
        return expiry;
    }

    @Override
    public boolean add(String file) {
        Instant now = clock.instant();
        int claimed = jdbc.upsert("claim " + file, CLAIM, key(file), path(file), owner, now, now.minus(expiry));
        if (claimed > 0) {
            held.add(file);
            return true;
        }
        return false;
    }

    @Override
    public boolean contains(String file) {
        return jdbc.queryOne("read the claim on " + file,
                "SELECT 1 FROM zest_file_claims WHERE claim_key = ? AND heartbeat_at >= ?", row -> true, key(file),
                clock.instant().minus(expiry)).isPresent();
    }

    @Override
    public boolean remove(String file) {
        held.remove(file);
        return jdbc.update("release the claim on " + file,
                "DELETE FROM zest_file_claims WHERE claim_key = ? AND owner = ?", key(file), owner) > 0;
    }

    /**
     * Whether this instance still holds its claim on {@code file}, renewing it when it does: checked by the import
     * before each batch and before it publishes anything, so that a replica that lost its claim (it stalled for
     * longer than the expiry) stops instead of importing the file beside the replica that took it over.
     */
    public boolean holds(String file) {
        if (!held.contains(file)) {
            return false;
        }
        return jdbc.update("check the claim on " + file,
                "UPDATE zest_file_claims SET heartbeat_at = ? WHERE claim_key = ? AND owner = ?", clock.instant(),
                key(file), owner) > 0;
    }

    @Override
    public boolean confirm(String file) {
        held.remove(file);
        return true;
    }

    @Override
    public void clear() {
        held.clear();
        jdbc.update("release the claims of this instance", "DELETE FROM zest_file_claims WHERE owner = ?", owner);
    }

    /** Renews every claim held; a claim another replica took over meanwhile (this one stalled) is reported. */
    void renew() {
        Instant now = clock.instant();
        for (String file : held) {
            int renewed = jdbc.update("renew the claim on " + file,
                    "UPDATE zest_file_claims SET heartbeat_at = ? WHERE claim_key = ? AND owner = ?", now, key(file),
                    owner);
            if (renewed == 0 && held.remove(file)) {
                LOG.warn("The claim on {} expired before its heartbeat (this instance stalled for longer than {});"
                        + " another replica may take the file", file, expiry);
            }
        }
        jdbc.update("delete old file claims", "DELETE FROM zest_file_claims WHERE heartbeat_at < ?",
                now.minus(RETENTION));
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }

    @Override
    protected void doStart() {
        long period = expiry.toMillis() / 3;
        heartbeat = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "ZestFileClaims");
        heartbeat.scheduleWithFixedDelay(this::renewQuietly, period, period, TimeUnit.MILLISECONDS);
    }

    private void renewQuietly() {
        try {
            renew();
        } catch (RuntimeException e) {
            LOG.warn("Cannot renew the file claims of this instance (they expire after {} without): {}", expiry,
                    e.getMessage());
        }
    }

    @Override
    protected void doStop() {
        if (heartbeat != null) {
            camelContext.getExecutorServiceManager().shutdownNow(heartbeat);
            heartbeat = null;
        }
    }

    /** The path as the table holds it, for reading: cut to the column's length (the key stands for all of it). */
    static String path(String file) {
        return file.length() <= MAX_PATH ? file : file.substring(0, MAX_PATH);
    }

    /** The SHA-256 of {@code file}, in hex: a key of one length for any path. */
    static String key(String file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(file.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "FileClaims[owner " + owner + ", expiry " + expiry + "]";
    }
}
