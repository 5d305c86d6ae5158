package dev.camelzest.kamelets;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.webhook.ZestWebhookSignature;
import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every Kamelet of the module, found on the classpath by kamelet: endpoints of a YAML route file, in Camel Main,
 * against the sandbox. The zest component is configured once by properties, as the Kamelets' descriptions say.
 */
class KameletsSandboxTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final String SECRET = "whsec_" + HexFormat.of().formatHex(randomBytes());
    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1, as webhook deliveries come
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path dataDirectory;
    private static int port;
    private static Main main;
    private static ProducerTemplate template;

    @BeforeAll
    static void startCamelMain() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        SANDBOX.admin().configureWebhooks("http://127.0.0.1:" + port + "/zest/events", SECRET, 0.001, false, false);
        PartnerCredentials partner = SANDBOX.partner();
        Properties properties = new Properties();
        properties.put("camel.main.routes-include-pattern", "classpath:kamelet-routes.yaml");
        properties.put("camel.component.zest.base-url", SANDBOX.baseUrl());
        properties.put("camel.component.zest.audience", SANDBOX.audience());
        properties.put("camel.component.zest.client-id", partner.clientId());
        properties.put("camel.component.zest.issuer", partner.issuer());
        properties.put("camel.component.zest.private-key", partner.privateKeyPem());
        properties.put("camel.server.enabled", "true");
        properties.put("camel.server.host", "127.0.0.1");
        properties.put("camel.server.port", String.valueOf(port));
        properties.put("test.webhook.secret", SECRET);
        properties.put("test.data", dataDirectory.toString());
        main = new Main();
        main.setInitialProperties(properties);
        main.start();
        template = main.getCamelContext().createProducerTemplate();
    }

    @AfterAll
    static void stopCamelMain() {
        if (main != null) {
            main.stop();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static CamelContext camel() {
        return main.getCamelContext();
    }

    private static String sampleSpvRequest() {
        return template.requestBodyAndHeaders("direct:read-sample", null,
                Map.of("CamelZestVersion", "1.0.0", "CamelZestName", "syndicate_secondary"), String.class);
    }

    private static JsonNode createSpvRequest() throws Exception {
        return JSON.readTree(template.requestBody("direct:new-spv-request", sampleSpvRequest(), String.class));
    }

    @Test
    void theSpvRequestSinkCreatesAndTheActionReadsBackJson() throws Exception {
        JsonNode created = createSpvRequest();
        assertEquals("pending-review", created.path("status").asText());
        String slug = created.path("spvRequestSlug").asText();

        // a header from outside cannot turn the action into another operation
        Exchange read = template.request("direct:read-spv-request", exchange -> exchange.getMessage().setHeaders(
                Map.of("CamelZestSlug", slug, "CamelZestOperation", "cancelSpvRequest")));

        JsonNode readBack = JSON.readTree(read.getMessage().getBody(String.class));
        assertEquals(slug, readBack.path("spvRequestSlug").asText());
        assertEquals("pending-review", readBack.path("status").asText());
        assertEquals("application/json", read.getMessage().getHeader("Content-Type"));
    }

    @Test
    void theWebhookSourceEmitsTheVerifiedEventAsJson() throws Exception {
        MockEndpoint events = camel().getEndpoint("mock:events", MockEndpoint.class);
        String slug = createSpvRequest().path("spvRequestSlug").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> events.getExchanges().stream()
                .anyMatch(e -> e.getMessage().getBody(String.class).contains(slug)));

        Exchange delivered = events.getExchanges().stream()
                .filter(e -> e.getMessage().getBody(String.class).contains(slug)).findFirst().orElseThrow();
        JsonNode event = JSON.readTree(delivered.getMessage().getBody(String.class));
        assertEquals("spv_request.created", event.path("eventType").asText());
        assertEquals(slug, event.at("/data/spvRequestSlug").asText());
        assertTrue(event.path("eventId").asText().startsWith("wde_"), event.toString());
        assertEquals(event.path("eventId").asText(), delivered.getMessage().getHeader("CamelZestEventId"));
        for (Exchange each : events.getExchanges()) {
            String type = each.getMessage().getHeader("CamelZestEventType", String.class);
            assertTrue(Set.of("spv_request.created", "spv_request.completed").contains(type), "filtered out: " + type);
        }
        assertTrue(Files.exists(dataDirectory.resolve("zest-event-ids.dat")), "the eventIds are kept where configured");
    }

    @Test
    void withoutEventTypesTheWebhookSourceEmitsEveryTypeAndRefusesAnUnsignedDelivery() throws Exception {
        MockEndpoint all = camel().getEndpoint("mock:all-events", MockEndpoint.class);
        String body = "{\"eventId\":\"wde_kam_1\",\"eventType\":\"investor.created\","
                      + "\"occurredAt\":\"2026-05-07T12:00:00Z\",\"data\":{\"zestPersonId\":\"psn_1\"}}";
        String signature = ZestWebhookSignature.sign(SECRET, Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));

        assertEquals(200, postToAllEvents(body, signature));
        assertEquals(401, postToAllEvents(body.replace("wde_kam_1", "wde_kam_2"), "t=1,v1=00"));

        await().atMost(Duration.ofSeconds(10)).until(() -> all.getReceivedCounter() == 1);
        assertEquals("wde_kam_1", JSON.readTree(all.getExchanges().get(0).getMessage().getBody(String.class))
                .path("eventId").asText());
    }

    private static int postToAllEvents(String body, String signature) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/zest/all-events"))
                .header("Content-Type", "application/json")
                .header(ZestWebhookSignature.HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void thePollingSourceEmitsEachPendingSpvRequestOnceAsJson() throws Exception {
        MockEndpoint pending = camel().getEndpoint("mock:pending", MockEndpoint.class);
        String slug = createSpvRequest().path("spvRequestSlug").asText();

        await().atMost(Duration.ofSeconds(20)).until(() -> emitted(pending, slug) == 1);
        long polls = listCalls();
        await().atMost(Duration.ofSeconds(20)).until(() -> listCalls() >= polls + 3);
        assertEquals(1, emitted(pending, slug), "three more polls did not emit it again");
    }

    private static long listCalls() {
        return SANDBOX.admin().requests().stream()
                .filter(request -> request.method().equals("GET") && request.path().equals("/v1/spv-requests")).count();
    }

    private static long emitted(MockEndpoint endpoint, String slug) {
        return endpoint.getExchanges().stream().map(e -> e.getMessage().getBody(String.class))
                .filter(body -> body.contains("\"" + slug + "\"")).count();
    }

    @Test
    void theInvestorsSinkReadsJsonLinesAndRepliesPerRowResultsAsJson() throws Exception {
        String jsonLines = String.join("\n", List.of(investor("kam-1"), investor("kam-2"), investor("kam-3"))) + "\n";

        JsonNode results = JSON.readTree(template.requestBody("direct:onboard-investors", jsonLines, String.class))
                .path("results");

        assertEquals(3, results.size());
        for (int i = 0; i < 3; i++) {
            assertEquals("kam-" + (i + 1), results.get(i).path("partnerInvestorId").asText());
            assertEquals("created", results.get(i).path("status").asText());
        }
    }

    @Test
    void theSubscriptionsSinkSubscribesAnInvestorToAnApprovedSpv() throws Exception {
        String slug = createSpvRequest().path("spvRequestSlug").asText();
        Map<String, Object> approved = SANDBOX.admin().approve(slug);
        JsonNode spv = JSON.valueToTree(approved);
        String personId = JSON.readTree(template.requestBody("direct:onboard-investors", "[" + investor("kam-sub") + "]",
                String.class)).at("/results/0/zestPersonId").asText();
        String subscriptions = "[{\"zestPersonId\":\"" + personId + "\",\"lumpSum\":{\"currency\":\"USD\",\"value\":\"50000.00\"},"
                               + "\"shareClassSlug\":\"" + spv.at("/feesAndCarry/shareClasses/0/slug").asText() + "\","
                               + "\"partnerSubscriptionId\":\"sub-kam\"}]";

        JsonNode reply = JSON.readTree(template.requestBodyAndHeader("direct:subscribe", subscriptions, "CamelZestSpvSlug",
                spv.at("/materialisedRefs/vehicleSlug").asText(), String.class));

        assertEquals(personId, reply.at("/results/0/personId").asText(), reply.toString());
        assertEquals("pending", reply.at("/results/0/status").asText());
    }

    @Test
    void aSinkFailsTheExchangeWhenZestRefusesTheInput() {
        CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                () -> template.requestBody("direct:new-spv-request", "{\"templateId\":\"no_such_template\"}"));
        assertTrue(failure.getCause().getClass().getSimpleName().equals("ZestApiException"), failure.toString());
    }

    private static String investor(String partnerInvestorId) {
        return "{\"partnerInvestorId\":\"" + partnerInvestorId + "\",\"email\":\"" + partnerInvestorId + "@example.com\","
               + "\"firstName\":\"Alice\",\"lastName\":\"Liddell\",\"dateOfBirth\":\"1985-04-12\","
               + "\"countryOfResidence\":\"AE\"}";
    }
}
