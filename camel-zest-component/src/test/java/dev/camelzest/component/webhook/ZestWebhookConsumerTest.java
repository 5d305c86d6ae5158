package dev.camelzest.component.webhook;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import dev.camelzest.component.LogCapture;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestEndpoint;
import dev.camelzest.component.model.event.SpvRequestCreated;
import dev.camelzest.component.model.event.UnknownEventData;
import dev.camelzest.component.model.event.ZestEvent;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.Registry;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** webhook:zest:events on a real platform-http server, posted to over real HTTP. */
class ZestWebhookConsumerTest extends WebhookTestSupport {

    static final String CREATED = event("wde_2c5d6b3e9f1a4d7c", "spv_request.created",
            "{\"spvRequestSlug\":\"spvr_1\",\"templateId\":\"syndicate_secondary\",\"templateVersion\":\"1.0.0\","
            + "\"tenantSlug\":\"acme\",\"attributes\":{\"name\":\"Fund I\"},\"status\":\"pending-review\"}");

    @TempDir
    Path dataDirectory;

    /** How many of the next exchanges the route fails. */
    private final AtomicInteger failures = new AtomicInteger();
    /** How many of the next exchanges the route throws an Error on. */
    private final AtomicInteger errors = new AtomicInteger();
    /** An idempotent repository in the registry that has nothing to do with the webhooks. */
    private final IdempotentRepository unrelatedRepository = MemoryIdempotentRepository.memoryIdempotentRepository();
    /** When set, the route signals it entered and waits for the gate to open. */
    private volatile CountDownLatch gate;
    private final CountDownLatch entered = new CountDownLatch(1);

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("unrelatedRepository", unrelatedRepository);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return routes(port);
    }

    private RouteBuilder routes(int serverPort) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().host("127.0.0.1").port(serverPort);
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS
                     + "&webhookMaxBodySize=4096&webhookDataDirectory=" + dataDirectory
                     + "&eventTypes=spv_request.created,spv_request.completed,partner.renamed")
                        .routeId("zest-events")
                        .process(exchange -> {
                            CountDownLatch waitFor = gate;
                            if (waitFor != null) {
                                entered.countDown();
                                waitFor.await(10, TimeUnit.SECONDS);
                            }
                            if (failures.getAndDecrement() > 0) {
                                throw new IllegalStateException("partner system down");
                            }
                            if (errors.getAndDecrement() > 0) {
                                throw new AssertionError("a bug in the partner's route");
                            }
                        })
                        .to("mock:events");
            }
        };
    }

    private MockEndpoint events() {
        return getMockEndpoint("mock:events");
    }

    @Test
    void routesAVerifiedEventTypedWithHeaders() throws Exception {
        HttpResponse<String> response = postSigned(CREATED);

        assertEquals(200, response.statusCode(), response.body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
        Exchange received = events().getExchanges().get(0);
        ZestEvent event = received.getMessage().getBody(ZestEvent.class);
        SpvRequestCreated data = event.dataAs(SpvRequestCreated.class);
        assertEquals("spvr_1", data.spvRequestSlug());
        assertEquals("Fund I", data.attributes().get("name"));
        assertEquals("wde_2c5d6b3e9f1a4d7c", received.getMessage().getHeader(ZestConstants.EVENT_ID));
        assertEquals("spv_request.created", received.getMessage().getHeader(ZestConstants.EVENT_TYPE));
        assertEquals(Instant.parse("2026-05-07T12:00:00.123Z"), received.getMessage().getHeader(ZestConstants.OCCURRED_AT));
    }

    static Stream<Arguments> badRequests() {
        long now = Instant.now().getEpochSecond();
        String v1 = ZestWebhookSignature.v1(SECRET, now, CREATED.getBytes(StandardCharsets.UTF_8));
        String big = event("wde_0000000000000001", "spv_request.created", "{\"pad\":\"" + "x".repeat(5000) + "\"}");
        String notJson = "eventId=wde_1";
        return Stream.of(
                Arguments.of("forged signature", CREATED, "t=" + now + ",v1=" + "ab".repeat(32), "application/json", 401),
                Arguments.of("wrong secret", CREATED, signature("whsec_not_the_right_one", CREATED), "application/json", 401),
                Arguments.of("body altered after signing", CREATED.replace("Fund I", "Fund 2"), signature(SECRET, CREATED),
                        "application/json", 401),
                Arguments.of("stale timestamp", CREATED, ZestWebhookSignature.sign(SECRET, now - 600,
                        CREATED.getBytes(StandardCharsets.UTF_8)), "application/json", 401),
                Arguments.of("future timestamp", CREATED, ZestWebhookSignature.sign(SECRET, now + 600,
                        CREATED.getBytes(StandardCharsets.UTF_8)), "application/json", 401),
                Arguments.of("missing header", CREATED, null, "application/json", 401),
                Arguments.of("malformed header", CREATED, "v1=" + v1, "application/json", 400),
                Arguments.of("only an unknown v2", CREATED, "t=" + now + ",v2=" + v1, "application/json", 401),
                Arguments.of("non-JSON body", notJson, signature(SECRET, notJson), "application/json", 400),
                Arguments.of("JSON that is no event", "[1,2]", signature(SECRET, "[1,2]"), "application/json", 400),
                Arguments.of("body over the limit", big, signature(SECRET, big), "application/json", 413),
                Arguments.of("signed JSON sent as multipart", CREATED, signature(SECRET, CREATED),
                        "multipart/form-data; boundary=zest", 415),
                Arguments.of("signed JSON sent as a form", CREATED, signature(SECRET, CREATED),
                        "application/x-www-form-urlencoded", 415),
                Arguments.of("signed non-JSON as text", notJson, signature(SECRET, notJson), "text/plain", 400),
                Arguments.of("no content type and forged", CREATED, "t=" + now + ",v1=" + "ab".repeat(32), null, 401));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesBadInputWithA4xxAndRoutesNothing(String name, String body, String header, String contentType, int status)
            throws Exception {
        HttpResponse<String> response = post(body, header, contentType);

        assertEquals(status, response.statusCode(), name + ": " + response.body());
        assertTrue(response.headers().firstValue(ZestWebhookSignature.HEADER).isEmpty(), "signature not echoed");
        // a valid delivery afterwards is routed, and is the only one
        assertEquals(200, postSigned(CREATED).statusCode());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void routesADuplicateEventIdOnce() throws Exception {
        assertEquals(200, postSigned(CREATED).statusCode());
        HttpResponse<String> again = postSigned(CREATED);

        assertEquals(200, again.statusCode());
        assertEquals("duplicate", again.body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void aFailedRouteIsAnswered500AndTheRetryIsRouted() throws Exception {
        failures.set(1);
        HttpResponse<String> failed = postSigned(CREATED);
        assertEquals(500, failed.statusCode(), failed.body());
        assertTrue(!failed.body().contains("partner system down"), "no internals in the reply");

        assertEquals(200, postSigned(CREATED).statusCode());
        assertEquals("duplicate", postSigned(CREATED).body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void aCopyArrivingWhileTheFirstIsInTheRouteIsToldToComeBackLater() throws Exception {
        gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> first = postSignedAsync(CREATED);
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first delivery is in the route");

        HttpResponse<String> copy = postSigned(CREATED);
        gate.countDown();

        assertEquals(409, copy.statusCode(), copy.body());
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals("duplicate", postSigned(CREATED).body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void stoppingLetsAnEventInTheRouteFinishAndBeAcknowledged() throws Exception {
        gate = new CountDownLatch(1);
        CompletableFuture<HttpResponse<String>> delivery = postSignedAsync(CREATED);
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the delivery is in the route");
        MockEndpoint events = events();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
        Thread.sleep(300);
        assertFalse(stopping.isDone(), "the stop waits for the event in the route");
        gate.countDown();
        stopping.get(20, TimeUnit.SECONDS);
        delivery.handle((response, failure) -> null).get(10, TimeUnit.SECONDS);

        // the event went through the route and is remembered: if its acknowledgement was cut off by the stopping
        // server, Zest's next delivery is answered "duplicate" and never routed again
        assertEquals(1, events.getReceivedCounter());
        assertRecordedInTheFile("wde_2c5d6b3e9f1a4d7c");
    }

    /**
     * platform-http reads a request and queues it for a worker before the handler sees it, so a request can reach the
     * handler after the stop began and after the requests then in progress were waited for. It must be refused
     * with 503, so that Zest delivers it again, and never enter a route whose processors are being stopped.
     */
    @Test
    void aRequestReachingTheHandlerOnceTheStopBeganIsAnswered503AndNeverRouted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        gate = release;
        CompletableFuture<HttpResponse<String>> delivery = postSignedAsync(CREATED);
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the first delivery is in the route");
        gate = null;
        MockEndpoint events = events();
        ZestWebhookHandler handler = (ZestWebhookHandler) context.getRoute("zest-events").getConsumer().getProcessor();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(context::stop);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // isStopping() turns true before the handler's own stop runs: wait until it no longer accepts requests
        while (handler.isAccepting() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertFalse(handler.isAccepting(), "the stop reached the webhook handler");
        String late = event("wde_0000000000000009", "spv_request.created", "{}");
        Exchange lateRequest = new DefaultExchange(context);
        lateRequest.getMessage().setBody(late.getBytes(StandardCharsets.UTF_8));
        lateRequest.getMessage().setHeader(ZestWebhookSignature.HEADER, signature(SECRET, late));
        lateRequest.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
        handler.process(lateRequest);
        release.countDown();
        stopping.get(20, TimeUnit.SECONDS);

        assertEquals(503, lateRequest.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        // the acknowledgement may be cut off by the stopping server; the event is remembered, so that Zest's next
        // delivery of it is answered "duplicate"
        Integer status = delivery.handle((response, failure) -> response == null ? null : response.statusCode())
                .get(10, TimeUnit.SECONDS);
        assertTrue(status == null || status == 200, "the event in the route is acknowledged: " + status);
        assertEquals(1, events.getReceivedCounter(), "only the event that was in the route was routed");
        assertRecordedInTheFile("wde_2c5d6b3e9f1a4d7c");
        assertNotRecordedInTheFile("wde_0000000000000009");
    }

    @Test
    void aRouteStoppedAndStartedAgainRoutesEventsAgain() throws Exception {
        context.getRouteController().stopRoute("zest-events");
        context.getRouteController().startRoute("zest-events");

        HttpResponse<String> response = postSigned(CREATED);

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("accepted", response.body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void acceptsTheOldAndTheNewSecretDuringARotation() throws Exception {
        String second = event("wde_0000000000000002", "spv_request.created", "{}");
        assertEquals(200, post(CREATED, signature(SECRET, CREATED), "application/json").statusCode());
        assertEquals(200, post(second, signature(NEW_SECRET, second), "application/json").statusCode());
        events().expectedMessageCount(2);
        events().assertIsSatisfied();
    }

    @Test
    void acknowledgesFilteredOutTypesWithoutRoutingThem() throws Exception {
        String investor = event("wde_0000000000000003", "investor.created", "{\"zestPersonId\":\"per_1\"}");
        HttpResponse<String> response = postSigned(investor);

        assertEquals(200, response.statusCode());
        assertEquals("ignored", response.body());
        assertEquals(200, postSigned(CREATED).statusCode());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void passesUnknownEventTypesOnAsGenericEvents() throws Exception {
        String renamed = event("wde_0000000000000004", "partner.renamed", "{\"name\":\"Acme 2\"}");
        assertEquals(200, postSigned(renamed).statusCode());

        events().expectedMessageCount(1);
        events().assertIsSatisfied();
        ZestEvent event = events().getExchanges().get(0).getMessage().getBody(ZestEvent.class);
        assertEquals("Acme 2", assertInstanceOf(UnknownEventData.class, event.data()).fields().get("name"));
    }

    @Test
    void stillDropsAnOldEventAfterARestart() throws Exception {
        assertEquals(200, postSigned(CREATED).statusCode());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();

        context.stop();
        int restartedPort = AvailablePortFinder.getNextAvailable();
        try (CamelContext restarted = new DefaultCamelContext()) {
            prepare(restarted, restartedPort);
            restarted.addRoutes(routes(restartedPort));
            restarted.start();
            HttpResponse<String> redelivered = post(restartedPort, CREATED, signature(SECRET, CREATED), "application/json");

            assertEquals(200, redelivered.statusCode());
            assertEquals("duplicate", redelivered.body());
            MockEndpoint restartedEvents = restarted.getEndpoint("mock:events", MockEndpoint.class);
            restartedEvents.expectedMessageCount(0);
            restartedEvents.assertIsSatisfied();
            String other = event("wde_0000000000000005", "spv_request.completed", "{}");
            assertEquals("accepted", post(restartedPort, other, signature(SECRET, other), "application/json").body());
        }
        assertRecordedInTheFile("wde_2c5d6b3e9f1a4d7c");
    }

    private void assertRecordedInTheFile(String eventId) {
        assertTrue(isRecordedInTheFile(eventId), eventId + " is in the event store's file");
    }

    private void assertNotRecordedInTheFile(String eventId) {
        assertFalse(isRecordedInTheFile(eventId), eventId + " is not in the event store's file");
    }

    private boolean isRecordedInTheFile(String eventId) {
        IdempotentRepository store = EventIdStores.fileStore(dataDirectory);
        ServiceHelper.startService(store);
        try {
            return store.contains(eventId);
        } finally {
            ServiceHelper.stopService(store);
        }
    }

    @ParameterizedTest(name = "Content-Type {0}")
    @MethodSource("anyContentType")
    void acceptsASignedEventWhateverItsContentType(String contentType) throws Exception {
        // Zest does not document its delivery Content-Type: the signature and the JSON decide
        String accented = CREATED.replace("Fund I", "Fonds \u00e9t\u00e9 \u20ac");
        HttpResponse<String> response = post(accented, signature(SECRET, accented), contentType);

        assertEquals(200, response.statusCode(), response.body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
        ZestEvent event = events().getExchanges().get(0).getMessage().getBody(ZestEvent.class);
        assertEquals("Fonds \u00e9t\u00e9 \u20ac", event.dataAs(SpvRequestCreated.class).attributes().get("name"));
    }

    static Stream<Arguments> anyContentType() {
        return Stream.of(Arguments.of((Object) null), Arguments.of("text/plain"),
                Arguments.of("text/plain; charset=utf-8"), Arguments.of("application/octet-stream"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndOneWithinIsRouted() throws Exception {
        String big = event("wde_0000000000000006", "spv_request.created", "{\"pad\":\"" + "x".repeat(5000) + "\"}");
        assertEquals(413, postChunked(big, signature(SECRET, big)).statusCode());

        assertEquals(200, postChunked(CREATED, signature(SECRET, CREATED)).statusCode());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void theSignatureHeaderIsNotPassedToTheRoute() throws Exception {
        assertEquals(200, postSigned(CREATED).statusCode());

        events().expectedMessageCount(1);
        events().assertIsSatisfied();
        assertNull(events().getExchanges().get(0).getMessage().getHeader(ZestConstants.SIGNATURE));
    }

    @Test
    void anErrorThrownByTheRouteReleasesTheEventForZestsRetry() throws Exception {
        errors.set(1);
        HttpResponse<String> failed = postSigned(CREATED);
        assertTrue(failed.statusCode() >= 500, failed.statusCode() + " " + failed.body());

        HttpResponse<String> retry = postSigned(CREATED);
        assertEquals(200, retry.statusCode(), "the retry is routed, not answered 409: " + retry.body());
        assertEquals("accepted", retry.body());
        events().expectedMessageCount(1);
        events().assertIsSatisfied();
    }

    @Test
    void aRepositoryBeanInTheRegistryDoesNotReplaceTheEventStore() throws Exception {
        assertEquals(200, postSigned(CREATED).statusCode());

        assertFalse(unrelatedRepository.contains("wde_2c5d6b3e9f1a4d7c"), "the registry's repository was not used");
        assertRecordedInTheFile("wde_2c5d6b3e9f1a4d7c");
    }

    @Test
    void refusedRequestsAreCountedNotLoggedOneByOne() throws Exception {
        String forged = "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32);
        try (LogCapture log = LogCapture.of("dev.camelzest")) {
            for (int i = 0; i < 20; i++) {
                assertEquals(401, post(CREATED, forged, "application/json").statusCode());
            }
            assertEquals(413, post("x".repeat(5000), forged, "application/json").statusCode());

            assertEquals(1, log.messages(Level.INFO).size(), "one line for 21 refusals: " + log.messages(Level.INFO));
        }
        WebhookRefusals refusals = webhookEndpoint().getWebhookRefusals();
        assertEquals(20, refusals.count(WebhookRefusals.Reason.SIGNATURE_NOT_VERIFIED));
        assertEquals(1, refusals.count(WebhookRefusals.Reason.BODY_TOO_LARGE));
        assertEquals(21, refusals.total());
    }

    @Test
    void logsTheAddressTheServerIsBoundTo() throws Exception {
        context.stop();
        int otherPort = AvailablePortFinder.getNextAvailable();
        try (LogCapture log = LogCapture.of("dev.camelzest.component");
             CamelContext other = new DefaultCamelContext()) {
            prepare(other, otherPort);
            // as applications on platform-http do: no REST configuration naming a host or port
            other.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&webhookDataDirectory=" + dataDirectory)
                            .to("mock:events");
                    from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS.replace("/zest/events", "/zest/proxied")
                         + "&webhookExternalUrl=https://hooks.partner.example&webhookDataDirectory=" + dataDirectory
                         + "/proxied")
                            .to("mock:events");
                }
            });
            other.start();

            List<String> lines = log.messages(Level.INFO).stream().filter(m -> m.contains("Receiving Zest webhooks"))
                    .toList();
            assertEquals(2, lines.size(), lines.toString());
            assertTrue(lines.get(0).contains("127.0.0.1:" + otherPort + " at path /zest/events"), lines.get(0));
            assertTrue(lines.get(1).contains("127.0.0.1:" + otherPort + " at path /zest/proxied; give Zest the URL"
                                             + " https://hooks.partner.example/zest/proxied"), lines.get(1));
        }
    }

    private ZestEndpoint webhookEndpoint() {
        return context.getEndpoints().stream().filter(ZestEndpoint.class::isInstance).map(ZestEndpoint.class::cast)
                .filter(ZestEndpoint::isWebhook).findFirst().orElseThrow();
    }
}
