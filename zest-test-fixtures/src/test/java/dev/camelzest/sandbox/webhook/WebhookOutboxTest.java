package dev.camelzest.sandbox.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

class WebhookOutboxTest {

    private static final String SECRET = "whsec_5f2b9c0d1e8a7b6c5f2b9c0d1e8a7b6c";
    /** The whole retry schedule (14 h 35 m 30 s) in about 0.5 s. */
    private static final double FAST = 0.00001;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Vertx vertx;
    private final List<AutoCloseable> resources = new ArrayList<>();
    private WebhookReceiver receiver;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = closeLater(new WebhookReceiver(SECRET));
    }

    @AfterEach
    void closeResources() throws Exception {
        for (AutoCloseable resource : resources) {
            resource.close();
        }
    }

    @Test
    void deliversTheSignedEnvelopeAsJson() throws Exception {
        WebhookOutbox outbox = outbox(settings(1.0));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("zestPersonId", "psn_abc123");
        data.put("uploadedAt", Instant.parse("2026-05-07T12:00:00Z"));

        outbox.publish("investor.created", data, Instant.parse("2026-05-07T12:00:00.123456Z"));

        Delivery delivered = awaitStatus(outbox, DeliveryStatus.DELIVERED).get(0);
        WebhookReceiver.Call call = receiver.calls().get(0);
        JsonNode envelope = JSON.readTree(call.body());
        assertAll(
                () -> assertTrue(call.signatureValid(), call.signature()),
                () -> assertTrue(call.signature().matches("t=\\d+,v1=[0-9a-f]{64}"), call.signature()),
                () -> assertEquals("application/json", call.contentType()),
                () -> assertTrue(call.body().startsWith("{\"eventId\":\"wde_"), call.body()),
                () -> assertTrue(envelope.get("eventId").asText().matches("wde_[0-9a-f]{16}")),
                () -> assertEquals("investor.created", envelope.get("eventType").asText()),
                () -> assertEquals("2026-05-07T12:00:00.123Z", envelope.get("occurredAt").asText()),
                () -> assertEquals("psn_abc123", envelope.at("/data/zestPersonId").asText()),
                () -> assertEquals("2026-05-07T12:00:00.000Z", envelope.at("/data/uploadedAt").asText()),
                () -> assertEquals(call.body(), delivered.body()),
                () -> assertEquals(envelope.get("eventId").asText(), delivered.eventId()),
                () -> assertTrue(delivered.id().matches("dlv_[0-9a-f]{16}")),
                () -> assertEquals(1, delivered.attempts()),
                () -> assertEquals(200, delivered.lastStatusCode()),
                () -> assertNull(delivered.lastError()),
                () -> assertNotNull(delivered.deliveredAt()));
    }

    @Test
    void retriesOnTheScaledScheduleWithTheSameEventAndBody() {
        WebhookOutbox outbox = outbox(settings(0.001));
        receiver.failNext(3, 503);

        outbox.publish("spv_request.created", Map.of("spvRequestSlug", "svr_a1b2c3"), null);

        // between the third and fourth attempts there is a scaled 30 min (1.8 s) to look at the record
        awaitUntil(() -> receiver.calls().size() == 3 && outbox.deliveries(null).get(0).attempts() == 3);
        Delivery waiting = outbox.deliveries(null).get(0);
        assertAll(
                () -> assertEquals(DeliveryStatus.PENDING, waiting.status()),
                () -> assertEquals(503, waiting.lastStatusCode()),
                () -> assertEquals("HTTP 503", waiting.lastError()),
                () -> assertNotNull(waiting.nextAttemptAt()));

        Delivery delivered = awaitStatus(outbox, DeliveryStatus.DELIVERED).get(0);
        List<WebhookReceiver.Call> calls = receiver.calls();
        assertEquals(4, calls.size());
        assertEquals(4, delivered.attempts());
        assertEquals(1, calls.stream().map(WebhookReceiver.Call::body).distinct().count(), "same body every time");
        assertTrue(calls.stream().allMatch(WebhookReceiver.Call::signatureValid));
        long[] expectedGapsMillis = {30, 300, 1800};
        for (int i = 0; i < expectedGapsMillis.length; i++) {
            long gap = Duration.ofNanos(calls.get(i + 1).receivedNanos() - calls.get(i).receivedNanos()).toMillis();
            assertTrue(gap >= expectedGapsMillis[i] * 8 / 10,
                    "gap before attempt " + (i + 2) + " was " + gap + " ms, expected about " + expectedGapsMillis[i]);
        }
    }

    @Test
    void deadAfterSixFailedAttemptsAndReplayedWithTheSameEvent() {
        WebhookOutbox outbox = outbox(settings(FAST));
        receiver.failAlways(500);

        outbox.publish("subscription.completed", Map.of("subscriptionSlug", "sub_p9q8r7"), null);

        Delivery dead = awaitStatus(outbox, DeliveryStatus.DEAD).get(0);
        assertAll(
                () -> assertEquals(6, dead.attempts()),
                () -> assertEquals(500, dead.lastStatusCode()),
                () -> assertNull(dead.nextAttemptAt()),
                () -> assertNull(dead.deliveredAt()));
        awaitDuring(Duration.ofMillis(300), () -> receiver.calls().size() == 6);

        receiver.succeed();
        Delivery replayed = outbox.replay(dead.id());
        assertEquals(DeliveryStatus.PENDING, replayed.status());
        assertEquals(0, replayed.attempts());

        Delivery delivered = awaitStatus(outbox, DeliveryStatus.DELIVERED).get(0);
        assertEquals(dead.id(), delivered.id());
        assertEquals(dead.eventId(), delivered.eventId());
        assertEquals(7, receiver.calls().size());
        assertEquals(receiver.bodies().get(0), receiver.bodies().get(6));
        assertTrue(outbox.deliveries(DeliveryStatus.DEAD).isEmpty());
    }

    @Test
    void replayRefusesUnknownAndPendingDeliveries() {
        WebhookOutbox outbox = outbox(WebhookSettings.unconfigured());
        outbox.publish("investor.created", Map.of(), null);
        String pending = outbox.deliveries(null).get(0).id();

        assertThrows(NoSuchElementException.class, () -> outbox.replay("dlv_0000000000000000"));
        assertThrows(IllegalStateException.class, () -> outbox.replay(pending));
    }

    @Test
    void timeoutCountsAsAFailedAttempt() {
        WebhookOutbox outbox = closeLater(new WebhookOutbox(vertx, settings(0.001), Clock.systemUTC(),
                Duration.ofMillis(200)));
        receiver.delay(Duration.ofSeconds(5));

        outbox.publish("investor.created", Map.of(), null);

        awaitUntil(() -> outbox.deliveries(null).get(0).attempts() == 1);
        receiver.delay(Duration.ZERO);
        Delivery first = outbox.deliveries(null).get(0);
        assertNull(first.lastStatusCode());
        assertTrue(first.lastError().contains("no response within 200 ms"), first.lastError());
        awaitStatus(outbox, DeliveryStatus.DELIVERED);
    }

    @Test
    void connectionFailureCountsAsAFailedAttempt() throws IOException {
        WebhookOutbox outbox = outbox(new WebhookSettings(closedPortUrl(), SECRET, 0.001, false, false));

        outbox.publish("investor.created", Map.of(), null);

        awaitUntil(() -> outbox.deliveries(null).get(0).attempts() >= 1);
        Delivery failed = outbox.deliveries(null).get(0);
        assertNull(failed.lastStatusCode());
        assertTrue(failed.lastError().startsWith("connection failed"), failed.lastError());

        outbox.configure(settings(0.001));
        awaitStatus(outbox, DeliveryStatus.DELIVERED);
        assertEquals(1, receiver.calls().size());
    }

    @Test
    void staysPendingUntilAUrlIsConfigured() {
        WebhookOutbox outbox = outbox(WebhookSettings.unconfigured());

        IntStream.range(0, 3).forEach(i -> outbox.publish("investor.created", Map.of("n", i), null));

        List<Delivery> pending = outbox.deliveries(DeliveryStatus.PENDING);
        assertEquals(3, pending.size());
        assertTrue(pending.stream().allMatch(delivery -> delivery.attempts() == 0 && delivery.nextAttemptAt() == null));

        outbox.configure(settings(1.0));

        awaitUntil(() -> outbox.deliveries(DeliveryStatus.DELIVERED).size() == 3);
        assertEquals(3, receiver.calls().size());
    }

    @Test
    void duplicateModeDeliversEachEventTwiceWithTheSameEventId() {
        WebhookOutbox outbox = outbox(settings(1.0).withDuplicate(true));

        outbox.publish("subscription.created", Map.of("subscriptionSlug", "sub_p9q8r7"), null);

        List<Delivery> delivered = awaitUntilCount(outbox, DeliveryStatus.DELIVERED, 2);
        assertNotEquals(delivered.get(0).id(), delivered.get(1).id());
        assertEquals(delivered.get(0).eventId(), delivered.get(1).eventId());
        assertEquals(2, receiver.calls().size());
        assertEquals(receiver.bodies().get(0), receiver.bodies().get(1));
    }

    @Test
    void shuffleModeDeliversOutOfOrder() throws Exception {
        WebhookOutbox outbox = outbox(settings(1.0).withShuffle(true));
        int events = 40;

        for (int i = 0; i < events; i++) {
            outbox.publish("investor.created", Map.of("n", i), null);
        }

        awaitUntilCount(outbox, DeliveryStatus.DELIVERED, events);
        List<Integer> received = new ArrayList<>();
        for (String body : receiver.bodies()) {
            received.add(JSON.readTree(body).at("/data/n").asInt());
        }
        List<Integer> published = IntStream.range(0, events).boxed().toList();
        assertEquals(published, received.stream().sorted().toList(), "each event exactly once");
        assertNotEquals(published, received, "40 events in publication order: not shuffled");
    }

    @Test
    void snapshotSurvivesJsonAndRestoreResumesPendingDeliveries() throws Exception {
        WebhookOutbox before = outbox(settings(FAST));
        receiver.failAlways(500);
        before.publish("spv_request.rejected", Map.of("rejectionReason", "incomplete"), null);
        awaitStatus(before, DeliveryStatus.DEAD);
        receiver.succeed();
        before.publish("spv_request.created", Map.of(), null);
        awaitStatus(before, DeliveryStatus.DELIVERED);
        before.configure(WebhookSettings.unconfigured());
        before.publish("spv_request.cancelled", Map.of(), null);
        List<Delivery> snapshot = before.snapshot();
        before.close();

        String saved = JSON.writeValueAsString(snapshot);
        List<Delivery> loaded = JSON.readValue(saved, new TypeReference<List<Delivery>>() { });
        assertEquals(snapshot, loaded);
        assertEquals(List.of("dead", "delivered", "pending"),
                JSON.readTree(saved).findValuesAsText("status"));

        WebhookOutbox after = outbox(WebhookSettings.unconfigured());
        long version = after.version();
        after.restore(loaded);
        assertEquals(snapshot, after.snapshot());
        assertNotEquals(version, after.version());

        int callsBefore = receiver.calls().size();
        after.configure(settings(FAST));
        awaitUntilCount(after, DeliveryStatus.DELIVERED, 2);
        Delivery resumed = after.deliveries(DeliveryStatus.DELIVERED).get(1);
        assertEquals(snapshot.get(2).eventId(), resumed.eventId());
        assertEquals(snapshot.get(2).body(), receiver.bodies().get(callsBefore));
        assertEquals(1, after.deliveries(DeliveryStatus.DEAD).size());
    }

    @Test
    void clearForgetsEveryDelivery() {
        WebhookOutbox outbox = outbox(WebhookSettings.unconfigured());
        outbox.publish("investor.created", Map.of(), null);

        outbox.clear();
        outbox.configure(settings(1.0));

        assertTrue(outbox.deliveries(null).isEmpty());
        awaitDuring(Duration.ofMillis(200), () -> receiver.calls().isEmpty());
    }

    @Test
    void boundsTheAttemptsInProgress() {
        WebhookOutbox outbox = outbox(settings(1.0));
        receiver.delay(Duration.ofMillis(20));
        int events = 300;

        IntStream.range(0, events).forEach(i -> outbox.publish("investor.created", Map.of("n", i), null));

        awaitUntilCount(outbox, DeliveryStatus.DELIVERED, events);
        assertTrue(receiver.maxConcurrent() <= WebhookOutbox.MAX_IN_FLIGHT, "at most "
                + WebhookOutbox.MAX_IN_FLIGHT + " at once, saw " + receiver.maxConcurrent());
        assertEquals(events, receiver.calls().size());
    }

    @Test
    void refusesIncompleteOrInvalidSettings() {
        String url = receiver.url();
        assertAll(
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, null, 1, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, "secret", 1, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, "whsec_", 1, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings("ftp://127.0.0.1/", SECRET, 1, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings("/hooks", SECRET, 1, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, SECRET, 0, false, false)),
                () -> assertThrows(IllegalArgumentException.class, () -> new WebhookSettings(url, SECRET, Double.NaN, false, false)));
    }

    @Test
    void scheduleIsZestsScaledByTheTimeScale() {
        assertAll(
                () -> assertEquals(Duration.ofSeconds(30), RetrySchedule.delayAfter(1, 1.0).orElseThrow()),
                () -> assertEquals(Duration.ofMinutes(5), RetrySchedule.delayAfter(2, 1.0).orElseThrow()),
                () -> assertEquals(Duration.ofMinutes(30), RetrySchedule.delayAfter(3, 1.0).orElseThrow()),
                () -> assertEquals(Duration.ofHours(2), RetrySchedule.delayAfter(4, 1.0).orElseThrow()),
                () -> assertEquals(Duration.ofHours(12), RetrySchedule.delayAfter(5, 1.0).orElseThrow()),
                () -> assertTrue(RetrySchedule.delayAfter(6, 1.0).isEmpty()),
                () -> assertEquals(Duration.ofMillis(30), RetrySchedule.delayAfter(1, 0.001).orElseThrow()));
    }

    private WebhookSettings settings(double timeScale) {
        return new WebhookSettings(receiver.url(), SECRET, timeScale, false, false);
    }

    private WebhookOutbox outbox(WebhookSettings settings) {
        return closeLater(new WebhookOutbox(vertx, settings));
    }

    private <T extends AutoCloseable> T closeLater(T resource) {
        resources.add(0, resource);
        return resource;
    }

    private static String closedPortUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
        }
    }

    private static ConditionFactory waiting() {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(10));
    }

    private static void awaitUntil(java.util.concurrent.Callable<Boolean> condition) {
        waiting().until(condition);
    }

    private static void awaitDuring(Duration period, java.util.concurrent.Callable<Boolean> condition) {
        await().during(period).atMost(period.plusSeconds(5)).until(condition);
    }

    private static List<Delivery> awaitStatus(WebhookOutbox outbox, DeliveryStatus status) {
        return awaitUntilCount(outbox, status, 1);
    }

    private static List<Delivery> awaitUntilCount(WebhookOutbox outbox, DeliveryStatus status, int count) {
        waiting().until(() -> outbox.deliveries(status).size() >= count);
        return outbox.deliveries(status);
    }
}
