package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application, as a newcomer runs it: {@code java -jar camel-zest-app.jar} in an empty directory,
 * in its own JVM. It must start every embedded part, run the sample journey to its end, answer its health check,
 * and stop gracefully on SIGTERM, leaving results files, events and a ledger that tell the same story.
 */
class DemoApplicationIT {

    private static final Duration JOURNEY_TIMEOUT = Duration.ofSeconds(150);

    @TempDir
    Path workDirectory;

    private Process application;

    @AfterEach
    void stop() throws InterruptedException {
        if (application != null && application.isAlive()) {
            application.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDemoRunsTheWholeJourneyAndStopsGracefully() throws Exception {
        int webhookPort = freePort();
        int managementPort = freePort();
        Path output = workDirectory.resolve("application.out");
        application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dzest.webhook.port=" + webhookPort, "-Dmanagement.port=" + managementPort,
                "-jar", Path.of(System.getProperty("app.jar")).toString())
                .directory(workDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        await().atMost(JOURNEY_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(application.isAlive()).as("the application is running:\n%s", read(output)).isTrue();
            return read(output).contains(SampleJourney.FINISHED);
        });
        assertThat(health(managementPort)).isEqualTo(200);

        Path sftp = workDirectory.resolve("sftp");
        List<CSVRecord> investors = readCsv(sftp.resolve("investors/results/investors.results.csv"));
        assertThat(investors).extracting(row -> row.get("status"))
                .containsExactly("created", "created", "created", "created", "invalid", "invalid", "invalid");
        assertThat(sftp.resolve("investors/done/investors.csv")).exists();
        assertThat(readCsv(sftp.resolve("subscriptions/results/subscriptions.results.csv"))).hasSize(4);
        assertThat(fileNames(sftp.resolve("documents/done"))).filteredOn(name -> name.endsWith(".pdf")).hasSize(8);
        assertThat(fileNames(workDirectory.resolve("events"))).hasSize(22)
                .filteredOn(name -> name.startsWith("subscription.completed--")).hasSize(4);

        application.destroy(); // SIGTERM: Camel Main shuts down gracefully
        assertThat(application.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        assertThat(read(output)).doesNotContain("Exception in thread");
        assertNoSecretIn(read(output));

        try (Connection ledger = DriverManager.getConnection(
                "jdbc:h2:file:" + workDirectory.resolve("data/ledger/zest-ledger"))) {
            assertThat(count(ledger, "SELECT COUNT(*) FROM investors")).isEqualTo(4);
            assertThat(count(ledger, "SELECT COUNT(*) FROM subscriptions WHERE status = 'completed'")).isEqualTo(4);
            assertThat(count(ledger, "SELECT COUNT(*) FROM spv_requests WHERE status = 'approved'")).isEqualTo(1);
            assertThat(count(ledger, "SELECT COUNT(*) FROM webhook_events")).isEqualTo(22);
        }
    }

    /** The private key, the SFTP password, the webhook secret, tokens and assertions never reach the output. */
    private void assertNoSecretIn(String output) throws IOException {
        String privateKey = Files.readString(workDirectory.resolve("data/zest-demo-partner.pem"));
        String keyBody = privateKey.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(keyBody).isNotBlank();
        assertThat(output).doesNotContain(keyBody)
                .doesNotContain(Files.readString(workDirectory.resolve("data/sftp-password")).strip())
                .doesNotContain("whsec_")
                .doesNotContain("Bearer ")
                .doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.");
    }

    private static int health(int port) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/observe/health")).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
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

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
