package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelzest.fixtures.time.MutableClock;
import dev.camelzest.routes.testing.LedgerDatabase;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claims on files between instances sharing a ledger: PostgreSQL (the cluster setup) and H2. */
class FileClaimsTest {

    private static final Duration EXPIRY = Duration.ofSeconds(30);
    private static final String FILE = "sftp://sftp.acme.example:22/investors/monday.csv";

    @TempDir
    Path temp;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T06:00:00Z"));
    private Ledger ledger;

    private void open(String database) {
        ledger = ("postgresql".equals(database) ? LedgerDatabase.POSTGRESQL : LedgerDatabase.H2).open(temp);
    }

    @AfterEach
    void close() throws Exception {
        if (ledger == null) {
            return;
        }
        try (Connection connection = ledger.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM zest_file_claims");
        }
        ledger.close();
    }

    private FileClaims instance() {
        return new FileClaims(ledger.dataSource(), EXPIRY, clock);
    }

    /** Two instances sharing the ledger of that database, as two replicas do. */
    private FileClaims[] twoInstancesOn(String database) {
        open(database);
        return new FileClaims[] {instance(), instance()};
    }

    /** Run on the ledger of each database: PostgreSQL (the cluster setup) and H2. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postgresql", "h2"})
    private @interface OnBothLedgers {
    }

    @OnBothLedgers
    void aFileHeldByOneInstanceIsRefusedToAnother(String database) {
        FileClaims[] instances = twoInstancesOn(database);
        FileClaims first = instances[0];
        FileClaims second = instances[1];

        assertThat(first.add(FILE)).isTrue();
        assertThat(second.add(FILE)).isFalse();
        assertThat(second.contains(FILE)).isTrue();
        assertThat(second.add("sftp://sftp.acme.example:22/investors/tuesday.csv")).isTrue();
    }

    @OnBothLedgers
    void aReleasedFileMayBeTakenAtOnceAProcessedOneOnlyOnceItsClaimExpired(String database) {
        FileClaims[] instances = twoInstancesOn(database);
        FileClaims first = instances[0];
        FileClaims second = instances[1];

        first.add(FILE);
        assertThat(second.remove(FILE)).as("only the holder releases").isFalse();
        first.remove(FILE);
        assertThat(second.add(FILE)).isTrue();

        second.confirm(FILE);
        clock.advance(EXPIRY.minusSeconds(1));
        assertThat(first.add(FILE)).as("a listing made before the move finds the file claimed").isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(first.add(FILE)).isTrue();
    }

    @OnBothLedgers
    void anInstanceKnowsWhenItsClaimPassedToAnother(String database) {
        FileClaims[] instances = twoInstancesOn(database);
        FileClaims holder = instances[0];
        FileClaims other = instances[1];
        holder.add(FILE);
        assertThat(holder.holds(FILE)).isTrue();
        assertThat(other.holds(FILE)).isFalse();

        clock.advance(EXPIRY.plusSeconds(1));
        assertThat(other.add(FILE)).as("the holder stalled past the expiry").isTrue();
        assertThat(holder.holds(FILE)).as("and finds out when it checks").isFalse();
        assertThat(other.holds(FILE)).isTrue();
        other.remove(FILE);
        assertThat(other.holds(FILE)).as("released").isFalse();
    }

    @OnBothLedgers
    void theHeartbeatKeepsAClaimUntilItsInstanceStops(String database) {
        FileClaims[] instances = twoInstancesOn(database);
        FileClaims holder = instances[0];
        FileClaims other = instances[1];
        holder.add(FILE);

        clock.advance(Duration.ofSeconds(20));
        holder.renew();
        clock.advance(Duration.ofSeconds(20));
        assertThat(other.add(FILE)).as("renewed 20 s ago").isFalse();

        clock.advance(Duration.ofSeconds(11));
        assertThat(other.add(FILE)).as("no heartbeat for 31 s: its instance died").isTrue();
        holder.renew();
        other.renew();
        clock.advance(Duration.ofSeconds(20));
        assertThat(holder.add(FILE)).as("the new holder's heartbeat goes on; the old one's lapsed").isFalse();
    }

    @OnBothLedgers
    void startedWithCamelItsHeartbeatRunsByItself(String database) throws Exception {
        open(database);
        Duration expiry = Duration.ofSeconds(2);
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            FileClaims holder = new FileClaims(ledger.dataSource(), expiry, Clock.systemUTC());
            camel.addService(holder, true, true);
            camel.start();
            assertThat(holder.add(FILE)).isTrue();

            FileClaims other = new FileClaims(ledger.dataSource(), expiry, Clock.systemUTC());
            long until = System.nanoTime() + expiry.multipliedBy(5).toNanos() / 2;
            while (System.nanoTime() < until) {
                assertThat(other.add(FILE)).as("renewed every third of the expiry").isFalse();
                Thread.sleep(250);
            }
            camel.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> other.add(FILE));
        }
    }

    @OnBothLedgers
    void ofInstancesClaimingAtTheSameMomentExactlyOneGetsTheFile(String database) throws Exception {
        open(database);
        assertThat(race(8)).as("a new file").isEqualTo(1);

        clock.advance(EXPIRY.plusSeconds(1));
        assertThat(race(8)).as("a file whose holder died").isEqualTo(1);
    }

    private int race(int instances) throws Exception {
        CyclicBarrier start = new CyclicBarrier(instances);
        ExecutorService threads = Executors.newFixedThreadPool(instances);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
                FileClaims claimant = instance();
                Callable<Boolean> claim = () -> {
                    start.await(10, TimeUnit.SECONDS);
                    return claimant.add(FILE);
                };
                claims.add(threads.submit(claim));
            }
            int won = 0;
            for (Future<Boolean> claim : claims) {
                won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return won;
        } finally {
            threads.shutdownNow();
        }
    }
}
