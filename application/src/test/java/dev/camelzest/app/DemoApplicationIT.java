package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as a newcomer runs it: {@code java -jar camel-zest-app.jar} in an empty directory,
 * in its own JVM. It must start every embedded part, run the sample journey to its end, serve nothing but
 * health and metrics on its management port, refuse oversized and multipart webhook bodies without buffering
 * them, keep its secrets and data owner-only, and stop gracefully on SIGTERM, leaving results files, events and a
 * ledger that tell the same story, with no secret in its output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoApplicationIT {

    private static final Duration JOURNEY_TIMEOUT = Duration.ofSeconds(150);
    private static final int FIFTY_MEGABYTES = 50 * 1024 * 1024;

    @TempDir
    static Path workDirectory;
    private static AppProcess application;

    @BeforeAll
    static void start() throws IOException {
        // JSON log lines: the format an operator ships; text lines are covered by ConfigurationIT
        application = AppProcess.start(workDirectory, Map.of(), Map.of(ConsoleLines.FORMAT, "json"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        application.close();
    }

    @Test
    @Order(1)
    void theDemoRunsTheWholeJourney() throws Exception {
        await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(application.process.isAlive()).as("the application is running:\n%s", application.output())
                    .isTrue();
            return application.output().contains(SampleJourney.FINISHED);
        });
        assertThat(application.management("/observe/health").statusCode()).isEqualTo(200);

        Path sftp = workDirectory.resolve("sftp");
        List<CSVRecord> investors = readCsv(sftp.resolve("investors/results/investors.results.csv"));
        assertThat(investors).extracting(row -> row.get("status"))
                .containsExactly("created", "created", "created", "created", "invalid", "invalid", "invalid");
        assertThat(sftp.resolve("investors/done/investors.csv")).exists();
        assertThat(readCsv(sftp.resolve("subscriptions/results/subscriptions.results.csv"))).hasSize(4);
        assertThat(fileNames(sftp.resolve("documents/done"))).filteredOn(name -> name.endsWith(".pdf")).hasSize(8);
        assertThat(fileNames(workDirectory.resolve("events"))).hasSize(22)
                .filteredOn(name -> name.startsWith("subscription.completed--")).hasSize(4);
    }

    /**
     * The metrics endpoint tells the journey's story: Zest calls per operation as the sandbox logged them, webhook
     * refusals per reason as sent here, and imported rows per status as the results files list them.
     */
    @Test
    @Order(2)
    void theMetricsTellTheJourneysStory() throws Exception {
        awaitHealth();
        String forged = "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32);
        String stale = "t=" + Instant.now().minusSeconds(3600).getEpochSecond() + ",v1=" + "ab".repeat(32);
        for (String signature : List.of(forged, forged, forged, stale, stale)) {
            assertThat(postWebhook("{\"eventId\":\"wde_x\"}", signature)).isEqualTo(401);
        }
        assertThat(postWebhook("{}", "not a signature")).isEqualTo(400);

        ScrapedMetrics metrics = ScrapedMetrics.scrape(application);
        // every refusal the demo's own deliveries had none of: exactly what was sent here, per reason
        assertThat(metrics.sumsBy("zest_webhook_refusals_total", "reason"))
                .isEqualTo(Map.of("signature", 4L, "stale", 2L));
        assertThat(metrics.sum("zest_webhook_deliveries_seconds_count", "outcome", "refused")).isEqualTo(6);
        assertThat(metrics.sum("zest_webhook_deliveries_seconds_count", "outcome", "accepted")).isEqualTo(22);

        URI sandbox = URI.create(application.outputMatching("Zest sandbox \\(embedded\\) at (\\S+),"));
        // the same investors again, through a 401 (a new token, the call sent again) and a 503 (Camel's retry)
        SandboxRequestLog.injectFault(sandbox, "POST", "/v1/investors", 401);
        SandboxRequestLog.injectFault(sandbox, "POST", "/v1/investors", 503);
        Path sftp = workDirectory.resolve("sftp");
        try (InputStream investors = DemoApplicationIT.class.getResourceAsStream("/demo/investors.csv")) {
            Path again = Files.createTempFile(workDirectory, "again", ".tmp");
            Files.copy(investors, again, StandardCopyOption.REPLACE_EXISTING);
            Files.move(again, sftp.resolve("investors/investors-again.csv"), StandardCopyOption.ATOMIC_MOVE);
        }
        await().atMost(JOURNEY_TIMEOUT).until(() -> Files.exists(sftp.resolve("investors/done/investors-again.csv")));
        await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Long> logged = SandboxRequestLog.callsPerOperation(sandbox);
            Map<String, Long> measured = ScrapedMetrics.scrape(application)
                    .sumsBy("zest_client_requests_seconds_count", "operation");
            assertThat(SandboxRequestLog.callsPerOperation(sandbox)).as("no call in between").isEqualTo(logged);
            assertThat(measured).isEqualTo(logged);
        });

        metrics = ScrapedMetrics.scrape(application);
        assertThat(metrics.sum("zest_client_reauthentications_total", "operation", "bulkCreateInvestors")).isEqualTo(1);
        assertThat(metrics.sum("zest_client_token_exchanges_total", "reason", "reauthentication")).isEqualTo(1);
        assertThat(metrics.sum("zest_client_retries_total", "operation", "bulkCreateInvestors")).isEqualTo(1);
        assertThat(metrics.sum("zest_client_errors_total", "operation", "bulkCreateInvestors")).isEqualTo(1);
        Map<String, Long> investorRows = countBy(readCsv(sftp.resolve("investors/results/investors.results.csv")));
        countBy(readCsv(sftp.resolve("investors/results/investors-again.results.csv")))
                .forEach((status, count) -> investorRows.merge(status, count, Long::sum));
        assertRowCounters(metrics.sumsBy("zest_investor_import_rows_total", "status"), investorRows);
        assertRowCounters(metrics.sumsBy("zest_subscription_import_rows_total", "status"),
                countBy(readCsv(sftp.resolve("subscriptions/results/subscriptions.results.csv"))));
        assertThat(metrics.sum("zest_investor_import_rows_in_flight", "route", "zest-investors")).isZero();
        assertThat(metrics.sum("zest_investor_import_files_total", "outcome", "completed")).isEqualTo(2);
        assertThat(metrics.names()).contains("zest_files_oldest_age_seconds", "zest_events_dead_letters",
                "hikaricp_connections_active", "zest_client_token_exchanges_total", "zest_webhook_in_flight");
        Set<String> scraped = metrics.names();
        for (String doc : List.of("grafana-dashboard.json", "prometheus-alerts.yml")) {
            Set<String> queried = ScrapedMetrics.namesIn(Files.readString(Path.of("..", "src", "docs", doc)));
            assertThat(queried).as("the metrics %s queries", doc).hasSizeGreaterThan(5);
            assertThat(scraped).as("the metrics %s queries exist", doc).containsAll(queried);
        }
    }

    /** The developer console would call Zest with the partner's credentials and evaluate expressions on GET. */
    @Test
    @Order(2)
    void theManagementPortServesOnlyHealthAndMetrics() throws Exception {
        awaitHealth();
        assertThat(application.management("/q/dev/send?endpoint=zest:listSpvRequests").statusCode()).isEqualTo(404);
        assertThat(application.management("/q/dev/eval-language?language=simple&template=%24%7Benv%3AHOME%7D")
                .statusCode()).isEqualTo(404);
        assertThat(application.management("/q/dev/properties").statusCode()).isEqualTo(404);
        assertThat(application.management("/q/dev").statusCode()).isEqualTo(404);
        assertThat(application.management("/observe/info").statusCode()).isEqualTo(404);
        assertThat(application.management("/observe/jolokia").statusCode()).isEqualTo(404);
        assertThat(application.management("/observe/metrics").statusCode()).isEqualTo(200);
        assertThat(application.management("/observe/health/ready?exposureLevel=full").body())
                .contains("\"name\":\"ledger\",\"status\":\"UP\"", "\"name\":\"sftp\",\"status\":\"UP\"")
                .containsPattern("\"name\":\"producer:zest-[^\"]+\",\"status\":\"UP\"");
        assertThat(application.output()).doesNotContain("DEVELOPER CONSOLE IS ON");
    }

    /** Refused when the limit is crossed, not after the whole body is buffered in memory. */
    @Test
    @Order(3)
    void aChunked50MegabyteWebhookIsRefusedBeforeItIsRead() throws Exception {
        awaitHealth();
        double oldGenerationBefore = oldGenerationBytes();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), application.webhookPort)) {
            socket.setSoTimeout(30_000);
            CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> firstLine(socket));
            long sent = sendChunked(socket.getOutputStream(), statusLine);
            assertThat(statusLine.get(30, TimeUnit.SECONDS)).startsWith("HTTP/1.1 413");
            assertThat(sent).as("bytes the server read before refusing").isLessThan(FIFTY_MEGABYTES / 4);
        }
        assertThat(oldGenerationBytes() - oldGenerationBefore).as("old generation growth")
                .isLessThan(16 * 1024 * 1024);
        assertThat(application.management("/observe/health").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void aMultipartWebhookIsRefusedWithoutWritingAFile() throws Exception {
        awaitHealth();
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), application.webhookPort)) {
            socket.setSoTimeout(30_000);
            String body = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--x--\r\n";
            socket.getOutputStream().write(("POST /zest/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body).getBytes(StandardCharsets.US_ASCII));
            assertThat(firstLine(socket)).startsWith("HTTP/1.1 415");
        }
        assertThat(workDirectory.resolve("file-uploads")).doesNotExist();
    }

    @Test
    @Order(5)
    void keysPasswordsAndTheDataDirectoryAreOwnerOnly() throws Exception {
        awaitHealth();
        Path data = workDirectory.resolve("data");
        assertThat(permissions(data)).isEqualTo("rwx------");
        assertThat(permissions(data.resolve("zest-demo-partner.pem"))).isEqualTo("rw-------");
        assertThat(permissions(data.resolve("sftp-password"))).isEqualTo("rw-------");
    }

    @Test
    @Order(6)
    void stopsGracefullyPrintingNoSecret() throws Exception {
        awaitHealth();
        application.process.destroy(); // SIGTERM: Camel Main shuts down gracefully
        assertThat(application.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        String output = application.output();
        assertThat(output).doesNotContain("Exception in thread");
        assertNoSecretIn(output);
        List<JsonNode> lines = JsonLogLines.parse(output);
        assertThat(lines).extracting(line -> line.path("formattedMessage").asText())
                .anyMatch(message -> message.startsWith("camel-zest is stopping"))
                .anyMatch(message -> message.startsWith("camel-zest stopped after") && message.contains("finished"));
        assertThat(lines).as("log lines about a file carry its name")
                .anyMatch(line -> line.path("mdc").path("CamelFileName").asText().equals("investors.csv"));
        // the 503 of the second import: the component's line on a batch's thread names the file, batch, rows and call
        assertThat(lines).as("a failed call's line names its file, batch, rows and operation")
                .anyMatch(line -> line.path("formattedMessage").asText().startsWith("Zest call bulkCreateInvestors failed")
                        && line.path("mdc").path("CamelFileName").asText().equals("investors-again.csv")
                        && line.path("mdc").path("CamelZestBatch").asText().equals("1")
                        && line.path("mdc").path("CamelZestRows").asText().matches("\\d+-\\d+")
                        && line.path("mdc").path("CamelZestOperation").asText().equals("bulkCreateInvestors"));

        try (Connection ledger = DriverManager.getConnection(
                "jdbc:h2:file:" + workDirectory.resolve("data/ledger/zest-ledger"))) {
            assertThat(count(ledger, "SELECT COUNT(*) FROM investors")).isEqualTo(4);
            assertThat(count(ledger, "SELECT COUNT(*) FROM subscriptions WHERE status = 'completed'")).isEqualTo(4);
            assertThat(count(ledger, "SELECT COUNT(*) FROM spv_requests WHERE status = 'approved'")).isEqualTo(1);
            assertThat(count(ledger, "SELECT COUNT(*) FROM webhook_events")).isEqualTo(22);
        }
    }

    /** The private key, the SFTP password, the webhook secret, tokens and assertions never reach the output. */
    private static void assertNoSecretIn(String output) throws IOException {
        String privateKey = Files.readString(workDirectory.resolve("data/zest-demo-partner.pem"));
        String keyBody = privateKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(keyBody).isNotBlank();
        assertThat(output).doesNotContain(keyBody)
                .doesNotContain(Files.readString(workDirectory.resolve("data/sftp-password")).strip())
                .doesNotContain("whsec_")
                .doesNotContain("Bearer ")
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
    }

    private static void awaitHealth() {
        await().atMost(JOURNEY_TIMEOUT).ignoreExceptions()
                .until(() -> application.management("/observe/health").statusCode() == 200);
    }

    /** Sends up to 50 MB in 64 KB chunks, stopping as soon as the server has answered; what it sent. */
    private static long sendChunked(OutputStream out, CompletableFuture<String> answered) {
        byte[] chunk = new byte[64 * 1024];
        byte[] chunkHeader = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        long sent = 0;
        try {
            out.write(("POST /zest/webhooks HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            while (sent < FIFTY_MEGABYTES && !answered.isDone()) {
                out.write(chunkHeader);
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                sent += chunk.length;
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            // the server closed the connection after refusing: what was sent so far counts
        }
        return sent;
    }

    private static String firstLine(Socket socket) {
        try {
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double oldGenerationBytes() throws Exception {
        return application.management("/observe/metrics").body().lines()
                .filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\"")
                        && (line.contains("Old Gen") || line.contains("Tenured Gen")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no heap metric"));
    }

    private static int postWebhook(String body, String signature) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + application.webhookPort + "/zest/webhooks"))
                .header("Zest-Signature", signature).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /**
     * The row counters of a flow say what its results files say: each status as many times, nothing else; every row
     * read, and every row but the invalid ones sent.
     */
    private static void assertRowCounters(Map<String, Long> counted, Map<String, Long> inResults) {
        Map<String, Long> statuses = new TreeMap<>(counted);
        Long read = statuses.remove("read");
        Long sent = statuses.remove("sent");
        assertThat(statuses).isEqualTo(new TreeMap<>(inResults));
        long rows = inResults.values().stream().mapToLong(Long::longValue).sum();
        assertThat(read).isEqualTo(rows);
        assertThat(sent).isEqualTo(rows - inResults.getOrDefault("invalid", 0L));
    }

    private static Map<String, Long> countBy(List<CSVRecord> results) {
        return results.stream().collect(Collectors.groupingBy(row -> row.get("status"), Collectors.counting()));
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }

    private static List<String> fileNames(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }
}
