package dev.camelzest.routes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.webhook.ZestWebhookSignature;
import dev.camelzest.routes.testing.PartnerHttpEndpoint;
import dev.camelzest.routes.testing.ZestEvents;
import dev.camelzest.routes.testing.ZestWebhookEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 signed events delivered as Zest does: concurrently, 30% of them twice, in shuffled order, and again
 * whenever a delivery is not acknowledged with a 2xx. Half-way through the application stops and starts again on
 * the same port, data directory and ledger. Every event must reach the partner's endpoint exactly once.
 */
class WebhookRestartReliabilityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EVENTS = Integer.getInteger("reliability.webhookEvents", 10_000);
    private static final int SENDERS = 8;

    @TempDir
    Path temp;

    @Test
    void everyEventReachesThePartnerExactlyOnceAcrossARestart() throws Exception {
        List<String> deliveries = deliveries();
        try (PartnerHttpEndpoint partner = PartnerHttpEndpoint.start()) {
            EventsApplication first = EventsApplication.start(temp, partner.uri(), 0);
            ZestDelivery zest = new ZestDelivery(first.webhook().url(), deliveries);
            EventsApplication second = null;
            try {
                zest.start();
                assertThat(zest.awaitAcknowledged(deliveries.size() / 2, Duration.ofMinutes(3)))
                        .as("half of the deliveries acknowledged before the restart").isTrue();
                int acceptedBeforeRestart = partner.accepted().size();
                first.stop();
                second = EventsApplication.start(temp, partner.uri(), first.webhook().port());

                assertThat(zest.awaitAll(Duration.ofMinutes(3))).as("every delivery acknowledged").isTrue();
                Map<String, Long> received = partner.accepted().stream()
                        .map(body -> readTree(body).path("eventId").asText())
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(received).hasSize(EVENTS);
                assertThat(received.values()).allMatch(count -> count == 1);
                assertThat(second.ledger().webhookEvents().count()).isEqualTo(EVENTS);
                assertThat(acceptedBeforeRestart).isBetween(1, EVENTS - 1);
                assertThat(zest.redelivered()).as("deliveries refused around the restart, then retried")
                        .isPositive();
            } finally {
                zest.stop();
                (second != null ? second : first).stop();
            }
        }
    }

    /** Every event once, 30% of them a second time, shuffled. */
    private static List<String> deliveries() {
        List<String> deliveries = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 1; i <= EVENTS; i++) {
            String event = event(i);
            deliveries.add(event);
            if (random.nextInt(100) < 30) {
                deliveries.add(event);
            }
        }
        Collections.shuffle(deliveries, random);
        return deliveries;
    }

    private static String event(int i) {
        String eventId = String.format("wde_%016d", i);
        if (i % 2 == 0) {
            return ZestEvents.envelope(eventId, "investor.created", ZestEvents.at(i),
                    "{\"partnerInvestorId\":\"acme-" + i + "\",\"zestPersonId\":\"psn_" + i
                    + "\",\"email\":\"i" + i + "@example.com\",\"firstName\":\"Ann\",\"lastName\":\"One\","
                    + "\"kycManagedBy\":\"partner\"}");
        }
        return ZestEvents.envelope(eventId, "spv_request.created", ZestEvents.at(i),
                "{\"spvRequestSlug\":\"svr_" + i + "\",\"templateId\":\"syndicate_secondary\",\"templateVersion\":"
                + "\"1.0.0\",\"tenantSlug\":\"acme\",\"attributes\":{},\"status\":\"pending-review\"}");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Zest's side: senders take deliveries from a queue and post them signed; a delivery that is not acknowledged
     * with a 2xx (refused, failed, connection closed) goes back to the end of the queue, as Zest retries it.
     */
    private static final class ZestDelivery {

        private final String url;
        private final BlockingDeque<String> pending;
        private final int total;
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final AtomicInteger redelivered = new AtomicInteger();
        private final ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();

        ZestDelivery(String url, List<String> deliveries) {
            this.url = url;
            this.pending = new LinkedBlockingDeque<>(deliveries);
            this.total = deliveries.size();
        }

        void start() {
            for (int i = 0; i < SENDERS; i++) {
                senders.execute(this::send);
            }
        }

        private void send() {
            while (acknowledged.get() < total && !Thread.currentThread().isInterrupted()) {
                String event;
                try {
                    event = pending.poll(50, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (event == null) {
                    continue;
                }
                if (post(event)) {
                    acknowledged.incrementAndGet();
                } else {
                    redelivered.incrementAndGet();
                    pending.addLast(event);
                    pause();
                }
            }
        }

        private boolean post(String event) {
            byte[] body = event.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(ZestWebhookSignature.HEADER, ZestWebhookSignature.sign(ZestWebhookEndpoint.SECRET,
                            Instant.now().getEpochSecond(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
            } catch (Exception e) {
                return false;
            }
        }

        private static void pause() {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean awaitAll(Duration timeout) throws InterruptedException {
            return awaitAcknowledged(total, timeout);
        }

        boolean awaitAcknowledged(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (acknowledged.get() < count) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(10);
            }
            return true;
        }

        int redelivered() {
            return redelivered.get();
        }

        void stop() {
            senders.shutdownNow();
        }
    }
}
