package dev.camelzest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every YAML example, and the Java route, loaded into Camel Main and run against the sandbox. */
class ExamplesTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    @BeforeEach
    void reset() {
        SANDBOX.admin().reset();
    }

    @Test
    void zestOperationsListsThePendingRequests() throws Exception {
        String pending = createSpvRequest();
        try (ExampleLog log = ExampleLog.of("zest-pending-spv-requests");
             RunningExample example = RunningExample.start(SANDBOX, "zest-operations.yaml",
                     Map.of("pending.period", "100", "pending.repeat", "1"))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> log.lines().size() == 2);
            assertThat(log.lines()).containsExactly("1 SPV request(s) pending review",
                    "pending: " + pending + " (syndicate_secondary)");
        }
        assertThat(calls("GET", "/v1/spv-requests")).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
    }

    @Test
    void theJavaRouteListsThePendingRequests() throws Exception {
        String pending = createSpvRequest();
        try (ExampleLog log = ExampleLog.of("java-pending-spv-requests");
             RunningExample example = RunningExample.start(SANDBOX, null,
                     Map.of("pending.period", "100", "pending.repeat", "1"), new PendingSpvRequestsRoute())) {
            await().atMost(Duration.ofSeconds(20)).until(() -> !log.lines().isEmpty());
            assertThat(log.lines()).containsExactly(pending + " waits for Zest's review");
        }
    }

    @Test
    void spvRequestFilesAreSubmittedOnceHoweverOftenDropped() throws Exception {
        Path requests = temp.resolve("requests");
        Files.createDirectories(requests);
        String body = sample();
        try (ExampleLog log = ExampleLog.of("zest-spv-request-submission");
             RunningExample example = RunningExample.start(SANDBOX, "spv-request-submission.yaml",
                Map.of("requests.directory", requests.toString()))) {
            Files.writeString(requests.resolve("deal-7.json"), body);
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(requests.resolve("done/deal-7.json")));
            Files.writeString(requests.resolve("deal-7.json"), body);
            await().atMost(Duration.ofSeconds(20)).until(() -> !Files.exists(requests.resolve("deal-7.json"))
                    && log.lines().size() == 2);
            // what the example reports: Zest's request for the file, the same one for both drops
            String slug = SANDBOX.sandbox().context().state().spvRequests().values().findFirst().orElseThrow()
                    .slug();
            assertThat(log.lines()).containsExactly("deal-7.json submitted: " + slug + " is pending-review",
                    "deal-7.json submitted: " + slug + " is pending-review");
        }
        // the second drop got Zest's first answer (the same key) and went to done/ as well, nothing to error/
        assertThat(requests.resolve("done/deal-7.json")).exists();
        assertThat(requests.resolve("error")).doesNotExist();
        List<RecordedRequest> creates = calls("POST", "/v1/spv-requests");
        assertThat(creates).hasSize(2).extracting(RecordedRequest::idempotencyKey).containsOnly("spv-request-deal-7");
        assertThat(SANDBOX.sandbox().context().state().spvRequests().size()).isEqualTo(1);
    }

    @Test
    void anSpvRequestFileOverItsBoundGoesToErrorUnsent() throws Exception {
        Path requests = temp.resolve("requests");
        Files.createDirectories(requests);
        try (RunningExample example = RunningExample.start(SANDBOX, "spv-request-submission.yaml",
                Map.of("requests.directory", requests.toString(), "requests.max-size", "100"))) {
            Files.writeString(requests.resolve("big.json"), "{\"localId\": \"" + "x".repeat(200) + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(requests.resolve("error/big.json")));
        }
        assertThat(calls("POST", "/v1/spv-requests")).isEmpty();
    }

    @Test
    void investorsFromSftpComeBackWithResults() throws Exception {
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp"))
                .passwordUser("acme", "acme-password").build().start();
             RunningExample example = RunningExample.start(SANDBOX, "investors-from-sftp.yaml", Map.of(
                     "camel.main.routes-builder-classes", "dev.camelzest.routes.investors.InvestorImportTemplates",
                     "sftp.host", sftp.host(), "sftp.port", String.valueOf(sftp.port()), "sftp.username", "acme",
                     "sftp.password", "acme-password", "sftp.known-hosts-file", sftp.knownHostsFile().toString(),
                     "sftp.poll-delay", "200", "data.directory", temp.resolve("data").toString()))) {
            Path inbox = sftp.rootDirectory().resolve("investors");
            Files.createDirectories(inbox);
            Files.writeString(inbox.resolve(".investors.csv.part"), """
                    partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence
                    acme-1,ann@example.com,Ann,One,1985-04-12,AE
                    acme-2,not-an-email,Bob,Two,1980-01-01,GB
                    """);
            Files.move(inbox.resolve(".investors.csv.part"), inbox.resolve("investors.csv"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/investors.csv")));
            String person = SANDBOX.sandbox().context().state().persons().values().findFirst().orElseThrow()
                    .zestPersonId();
            List<String> results = Files.readAllLines(inbox.resolve("results/investors.results.csv"));
            assertThat(results).hasSize(3);
            assertThat(results.get(1)).startsWith("1,acme-1,created," + person + ",");
            assertThat(results.get(2)).startsWith("2,acme-2,invalid,,").contains("email");
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(1);
        }
    }

    @Test
    void webhooksReachThePartnerEndpointVerifiedAndOnceWithoutZestsHeaders() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> headerNames = new CopyOnWriteArrayList<>();
        HttpServer partner = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        partner.createContext("/events", exchange -> {
            headerNames.addAll(exchange.getRequestHeaders().keySet());
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        partner.start();
        int port = freePort();
        String secret = "whsec_examples0123456789abcdef";
        try (RunningExample example = RunningExample.start(SANDBOX, "webhooks-to-http.yaml", Map.of(
                "camel.server.enabled", "true", "camel.server.host", "127.0.0.1", "camel.server.port", String.valueOf(port),
                "zest.webhook.secret", secret, "data.directory", temp.resolve("data").toString(),
                "partner.events-url", "http://127.0.0.1:" + partner.getAddress().getPort() + "/events"))) {
            SANDBOX.admin().configureWebhooks("http://127.0.0.1:" + port + "/zest/webhooks", secret, 0.001, true, false);
            String slug = createSpvRequest();
            await().atMost(Duration.ofSeconds(20)).until(() -> SANDBOX.admin().deliveries("delivered").size() == 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
            // the partner gets Zest's event as it was sent, once although Zest delivered it twice
            assertThat(SANDBOX.admin().deliveries("delivered")).extracting(delivery -> delivery.get("eventId"))
                    .containsOnly(eventId(received.get(0)));
            assertThat(received.get(0)).contains("\"eventType\":\"spv_request.created\"",
                    "\"spvRequestSlug\":\"" + slug + "\"");
            // the signature is Zest's to this connector, not the partner's to check (nor the sandbox's own headers)
            assertThat(headerNames).noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("zest-"))
                    .noneMatch(name -> name.equalsIgnoreCase("Idempotency-Key"))
                    .anyMatch(name -> name.equalsIgnoreCase("Content-Type"));
        } finally {
            partner.stop(0);
        }
    }

    private static String eventId(String event) {
        return event.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String createSpvRequest() throws Exception {
        HttpResponse<String> token = post("/v1/oauth2/tokens", "application/x-www-form-urlencoded",
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
                + SANDBOX.partner().mintAssertion(SANDBOX.audience()), null, null);
        String accessToken = token.body().replaceAll(".*\"accessToken\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        HttpResponse<String> created = post("/v1/spv-requests", "application/json", sample(), accessToken,
                "example-" + System.nanoTime());
        return created.body().replaceAll(".*\"spvRequestSlug\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String sample() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(SANDBOX.baseUrl()
                + "/v1/contracts/samples/1.0.0/syndicate_secondary")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpResponse<String> post(String path, String contentType, String body, String token,
                                             String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SANDBOX.baseUrl() + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("Idempotency-Key", idempotencyKey);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<RecordedRequest> calls(String method, String path) {
        return SANDBOX.admin().requests().stream()
                .filter(call -> call.method().equals(method) && call.path().equals(path)).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
