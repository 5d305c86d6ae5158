package dev.camelzest.routes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.camelzest.component.webhook.ZestWebhookHandler;
import dev.camelzest.component.webhook.ZestWebhookSignature;
import dev.camelzest.routes.testing.ZestEvents;
import dev.camelzest.routes.testing.ZestWebhookEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application stops while an event is inside the partner's target: the stop must let it finish, so that its
 * delivery is recorded, and must not route a request that arrives meanwhile. Zest's delivery of the same event after
 * the restart is then a duplicate: the partner receives each event once.
 */
class WebhookStopDuringDeliveryTest {

    private static final String IN_TARGET = "wde_00000000000000a1";
    private static final String DURING_STOP = "wde_00000000000000a2";

    @TempDir
    Path temp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final BlockingPartner partner = BlockingPartner.start();

    @AfterEach
    void stopPartner() {
        partner.release();
        partner.server.stop(0);
    }

    @Test
    void anEventInsideThePartnerTargetWhenTheStopBeginsIsDeliveredOnceAndRecorded() throws Exception {
        EventsApplication first = EventsApplication.start(temp, partner.uri(), 0);
        CompletableFuture<HttpResponse<String>> delivery = postAsync(first.webhook().url(), event(IN_TARGET));
        assertThat(partner.entered.await(10, TimeUnit.SECONDS)).as("the event is inside the partner's target").isTrue();
        ZestWebhookHandler handler = (ZestWebhookHandler) first.camel().getRoute(EventsApplication.ROUTE_ID)
                .getConsumer().getProcessor();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(first::stop);
        awaitStopping(handler);
        // a request platform-http had taken in, reaching the handler only now
        Exchange late = signedRequest(first.camel(), event(DURING_STOP));
        handler.process(late);
        assertThat(stopping).as("the stop waits for the event in the partner's target").isNotDone();
        partner.release();
        stopping.get(30, TimeUnit.SECONDS);

        assertThat(late.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
        Integer status = delivery.handle((response, failure) -> response == null ? null : response.statusCode())
                .get(10, TimeUnit.SECONDS);
        assertThat(status).as("answered 2xx, or the answer cut off by the stopping server").isIn(200, null);

        EventsApplication second = EventsApplication.start(temp, partner.uri(), first.webhook().port());
        try {
            HttpResponse<String> again = post(second.webhook().url(), event(IN_TARGET));
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo("duplicate");
            assertThat(post(second.webhook().url(), event(DURING_STOP)).statusCode()).isEqualTo(200);
            assertThat(partner.received).containsExactly(IN_TARGET, DURING_STOP);
            assertThat(second.ledger().webhookEvents().byId(IN_TARGET).orElseThrow().delivered()).isTrue();
        } finally {
            second.stop();
        }
    }

    private static void awaitStopping(ZestWebhookHandler handler) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // isStopping() turns true before the handler's own stop runs: wait until it no longer accepts requests
        while (handler.isAccepting() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(handler.isAccepting()).as("the stop reached the webhook handler").isFalse();
    }

    private static String event(String eventId) {
        return ZestEvents.envelope(eventId, "investor.created", ZestEvents.START,
                "{\"partnerInvestorId\":\"acme-1\",\"zestPersonId\":\"psn_1\",\"email\":\"i1@example.com\","
                + "\"firstName\":\"Ann\",\"lastName\":\"One\",\"kycManagedBy\":\"partner\"}");
    }

    private static String signature(String body) {
        return ZestWebhookSignature.sign(ZestWebhookEndpoint.SECRET, Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    private static Exchange signedRequest(DefaultCamelContext camel, String body) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().setHeader(ZestWebhookSignature.HEADER, signature(body));
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        return exchange;
    }

    private HttpResponse<String> post(String url, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header(ZestWebhookSignature.HEADER, signature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private CompletableFuture<HttpResponse<String>> postAsync(String url, String body) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return post(url, body);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The partner's endpoint: records the eventId of every request, and holds the first until released. */
    private static final class BlockingPartner {

        final HttpServer server;
        final List<String> received = new CopyOnWriteArrayList<>();
        final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        private BlockingPartner(HttpServer server) {
            this.server = server;
        }

        static BlockingPartner start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                BlockingPartner partner = new BlockingPartner(server);
                server.createContext("/", partner::handle);
                server.start();
                return partner;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void handle(HttpExchange exchange) throws IOException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(body.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1"));
            entered.countDown();
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }

        void release() {
            released.countDown();
        }

        String uri() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/zest-events";
        }
    }
}
