package dev.camelzest.component.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.fixtures.postgres.PostgresCluster;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas (two CamelContexts, each with its own HTTP server and {@link JdbcEventIdRepository}) receiving Zest's
 * webhooks with one real PostgreSQL as their shared event store.
 */
class SharedEventStoreClusterTest {

    private static final String PROCESSOR = "zest-webhooks";

    private static PostgresCluster cluster;
    private static HikariDataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** How often each eventId reached a route, on either replica. */
    private final Map<String, AtomicInteger> routed = new ConcurrentHashMap<>();
    /** Events whose next routing fails, once. */
    private final Set<String> failOnce = ConcurrentHashMap.newKeySet();
    /** When set, the route holds this event until the gate opens. */
    private volatile String heldEvent;
    private final CountDownLatch held = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<CamelContext> replicas = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void startDatabase() {
        cluster = PostgresCluster.startForTests();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(cluster.jdbcUrl());
        config.setUsername(PostgresCluster.USER);
        config.setPassword(PostgresCluster.PASSWORD);
        config.setMaximumPoolSize(16);
        dataSource = new HikariDataSource(config);
    }

    @AfterAll
    static void stopDatabase() {
        if (dataSource != null) {
            dataSource.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @BeforeEach
    void startReplicas() throws Exception {
        startReplica();
        startReplica();
    }

    @AfterEach
    void stopReplicasAndEmptyTheStore() throws Exception {
        for (CamelContext replica : replicas) {
            replica.stop();
        }
        sql("DELETE FROM " + JdbcEventIdRepository.TABLE);
    }

    @Test
    void eachEventPostedToBothReplicasAtOnceIsRoutedExactlyOnce() throws Exception {
        int events = 200;
        List<CompletableFuture<HttpResponse<String>>> first = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> second = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String body = event(i);
            String signature = WebhookTestSupport.signature(WebhookTestSupport.SECRET, body);
            first.add(postAsync(0, body, signature));
            second.add(postAsync(1, body, signature));
        }
        List<Integer> toRetry = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            String a = answer(first.get(i).get(60, TimeUnit.SECONDS));
            String b = answer(second.get(i).get(60, TimeUnit.SECONDS));
            List<String> both = List.of(a, b);
            assertEquals(1, both.stream().filter("200 accepted"::equals).count(), "event " + i + ": " + both);
            assertTrue(both.stream().allMatch(Set.of("200 accepted", "200 duplicate", "409 event being processed;"
                    + " retry later")::contains), "event " + i + ": " + both);
            if (both.stream().anyMatch(answer -> answer.startsWith("409"))) {
                toRetry.add(i);
            }
        }
        for (int i : toRetry) {
            String body = event(i);
            assertEquals("200 duplicate", answer(post(i % 2, body)), "retry of event " + i);
        }
        assertEquals(events, routed.size());
        routed.forEach((eventId, count) -> assertEquals(1, count.get(), eventId));
        assertEquals(events, count("confirmed_at IS NOT NULL"));
    }

    @Test
    void aCopyArrivingWhileTheOtherReplicaRoutesTheEventIsAnswered409ThenDuplicate() throws Exception {
        String body = event(1);
        heldEvent = eventId(1);
        CompletableFuture<HttpResponse<String>> routing = postAsync(0, body,
                WebhookTestSupport.signature(WebhookTestSupport.SECRET, body));
        assertTrue(held.await(30, TimeUnit.SECONDS), "the first replica never routed the event");

        assertEquals("409 event being processed; retry later", answer(post(1, body)));

        gate.countDown();
        assertEquals("200 accepted", answer(routing.get(30, TimeUnit.SECONDS)));
        assertEquals("200 duplicate", answer(post(1, body)));
        assertEquals(1, routed.get(eventId(1)).get());
    }

    @Test
    void aFailedRouteReleasesTheClaimSoThatTheRetryIsRoutedOnEitherReplica() throws Exception {
        String body = event(2);
        failOnce.add(eventId(2));

        assertEquals("500 not processed; retry later", answer(post(0, body)));
        assertEquals(0, count("event_id = '" + eventId(2) + "'"), "the claim is released");
        assertEquals("200 accepted", answer(post(1, body)));
        assertEquals("200 duplicate", answer(post(0, body)));
        assertEquals(2, routed.get(eventId(2)).get());
    }

    @Test
    void aClaimLeftByAKilledReplicaHoldsTheEventUntilTheLeaseHasPassed() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        claimedByADeadReplica(eventId(3), now.minusSeconds(30));
        claimedByADeadReplica(eventId(4), now.minus(JdbcEventIdRepository.DEFAULT_LEASE).minusSeconds(1));

        assertEquals("409 event being processed; retry later", answer(post(0, event(3))));
        assertEquals("200 accepted", answer(post(1, event(4))), "an expired claim is taken over");
        assertEquals("200 duplicate", answer(post(0, event(4))));
        assertEquals(1, routed.get(eventId(4)).get());
        assertFalse(routed.containsKey(eventId(3)));
    }

    @Test
    void trimmingDeletesOnlyIdsOlderThanTheRetention() throws Exception {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        insert("wde_old_confirmed", now.minusHours(49), now.minusHours(49));
        insert("wde_day_old_confirmed", now.minusHours(25), now.minusHours(25));
        insert("wde_old_abandoned_claim", now.minusHours(49), null);
        insert("wde_live_claim", now.minusSeconds(5), null);
        JdbcEventIdRepository repository = replicas.get(0).getRegistry()
                .lookupByNameAndType("zestEventIds", JdbcEventIdRepository.class);

        assertEquals(2, repository.trim());
        assertEquals(0, count("event_id IN ('wde_old_confirmed', 'wde_old_abandoned_claim')"));
        assertEquals(2, count("event_id IN ('wde_day_old_confirmed', 'wde_live_claim')"));
    }

    @Test
    void idsAreKeptAtLeastADay() {
        JdbcEventIdRepository repository = new JdbcEventIdRepository(dataSource, PROCESSOR);
        repository.setCamelContext(replicas.get(0));
        repository.setRetention(Duration.ofHours(23));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, repository::init);
        assertTrue(refused.getMessage().contains("at least PT24H"), refused.getMessage());
    }

    private void startReplica() throws Exception {
        int port = AvailablePortFinder.getNextAvailable();
        CamelContext replica = new DefaultCamelContext();
        WebhookServers.prepare(replica, port, WebhookTestSupport.SECRET);
        JdbcEventIdRepository store = new JdbcEventIdRepository(dataSource, PROCESSOR);
        replica.getRegistry().bind("zestEventIds", store);
        replica.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().host("127.0.0.1").port(port);
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&idempotentRepository=#zestEventIds")
                        .process(exchange -> {
                            String eventId = exchange.getMessage().getHeader(ZestConstants.EVENT_ID, String.class);
                            routed.computeIfAbsent(eventId, id -> new AtomicInteger()).incrementAndGet();
                            if (eventId.equals(heldEvent)) {
                                held.countDown();
                                assertTrue(gate.await(30, TimeUnit.SECONDS));
                            }
                            if (failOnce.remove(eventId)) {
                                throw new IllegalStateException("partner system down");
                            }
                        });
            }
        });
        replica.start();
        replicas.add(replica);
        ports.add(port);
    }

    private static String eventId(int i) {
        return String.format("wde_cluster_%05d", i);
    }

    private static String event(int i) {
        return WebhookTestSupport.event(eventId(i), "spv_request.created", "{\"spvRequestSlug\":\"spvr_" + i + "\"}");
    }

    private CompletableFuture<HttpResponse<String>> postAsync(int replica, String body, String signature) {
        return http.sendAsync(request(replica, body, signature), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int replica, String body) throws Exception {
        return http.send(request(replica, body, WebhookTestSupport.signature(WebhookTestSupport.SECRET, body)),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(int replica, String body, String signature) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(replica) + WebhookTestSupport.PATH))
                .timeout(Duration.ofSeconds(60))
                .header(ZestWebhookSignature.HEADER, signature)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    private static void claimedByADeadReplica(String eventId, OffsetDateTime claimedAt) throws Exception {
        insert(eventId, claimedAt, null);
    }

    private static void insert(String eventId, OffsetDateTime claimedAt, OffsetDateTime confirmedAt) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + JdbcEventIdRepository.TABLE
                        + " (processor_name, event_id, claimed_by, claimed_at, confirmed_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, PROCESSOR);
            insert.setString(2, eventId);
            insert.setString(3, "killed-replica");
            insert.setObject(4, claimedAt, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.setObject(5, confirmedAt, Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
        }
    }

    private static long count(String condition) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + JdbcEventIdRepository.TABLE
                        + " WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void sql(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
