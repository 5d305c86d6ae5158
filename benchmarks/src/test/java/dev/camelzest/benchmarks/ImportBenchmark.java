package dev.camelzest.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.fixtures.postgres.PostgresCluster;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Investor import throughput and memory. The route: the file (or SFTP) template in a JVM of its own with a
 * 256 MB heap, batches of 500, one file at a time. The baseline: the same rows, pre-built into the same
 * batches, posted by a plain HttpClient loop at the same concurrency (one call at a time) to the same sandbox.
 * Both first run a warm-up of {@code -Dimport.warmupRows} rows (default 300,000; 0 measures cold JVMs), as a
 * long-running application has compiled its hot code by its second file: on two cores the JIT compiler otherwise
 * takes half the CPU of a 300,000-row import.
 */
class ImportBenchmark {

    private static final int BATCH = 500;
    private static final int WARMUP_ROWS = Integer.getInteger("import.warmupRows", 300_000);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code -Dledger=postgresql}: the import's ledger in a PostgreSQL cluster on loopback instead of embedded H2. */
    private static final boolean POSTGRESQL_LEDGER = "postgresql".equals(System.getProperty("ledger", "h2"));
    private static final AtomicInteger LEDGERS = new AtomicInteger();
    private static PostgresCluster postgres;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(options -> options.maxInvestorsPerCall(BATCH));

    @TempDir
    Path temp;

    @BeforeAll
    static void startLedgerDatabase() {
        if (POSTGRESQL_LEDGER) {
            postgres = PostgresCluster.startForTests();
        }
    }

    @AfterAll
    static void stopLedgerDatabase() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void importThroughputAndMemory() throws Exception {
        for (String size : System.getProperty("rows", "100000").split(",")) {
            int rows = Integer.parseInt(size.trim());
            double baseline = baselineRowsPerSecond(rows);
            report("file", rows, routeImport(rows, false), baseline);
            if (Boolean.parseBoolean(System.getProperty("sftp", "true"))) {
                report("sftp", rows, routeImport(rows, true), baseline);
            }
        }
    }

    /**
     * One line per measured file. The CPU ceiling is what two cores allow when every row costs the import JVM, the
     * sandbox's JVM and, with {@code -Dledger=postgresql}, the ledger's PostgreSQL server their CPU per row: 2 s of
     * CPU a second over the per-row costs. The load average says how busy the machine was with other work.
     */
    private static void report(String source, int rows, Result route, double baseline) {
        double importMicros = route.importCpuMillis * 1000.0 / rows;
        double sandboxMicros = route.sandboxCpuMillis * 1000.0 / rows;
        double ledgerServerMicros = route.ledgerServerCpuMillis * 1000.0 / rows;
        Figures.report(String.format("import %s ledger=%s heap=%s latency=%dms maxBatchesInFlight=%s "
                + "sandboxMaxConcurrentCalls=%d warmup=%d rows=%d route=%.0f rows/s baseline=%.0f rows/s ratio=%s "
                + "peakHeap=%d MB cpu: import=%d ms (%.1f us/row) sandbox=%d ms (%.1f us/row) ledgerServer=%d ms "
                + "(%.1f us/row) cpuCeiling=%.0f rows/s 429s=%d loadAverage=%.1f", source,
                POSTGRESQL_LEDGER ? "postgresql" : "h2", System.getProperty("import.heap", "256m"),
                Integer.getInteger("zest.latencyMs", 0), System.getProperty("import.maxBatchesInFlight", "default"),
                Integer.getInteger("zest.maxConcurrentCalls", 0), WARMUP_ROWS, rows, route.rowsPerSecond, baseline,
                Figures.ratio(route.rowsPerSecond, baseline), route.peakHeapBytes >> 20, route.importCpuMillis,
                importMicros, route.sandboxCpuMillis, sandboxMicros, route.ledgerServerCpuMillis, ledgerServerMicros,
                2e6 / (importMicros + sandboxMicros + ledgerServerMicros), route.refusedCalls, Figures.loadAverage()));
    }

    /**
     * {@code importCpuMillis}: the import JVM's CPU time; {@code sandboxCpuMillis}: this JVM's (the sandbox's)
     * meanwhile; {@code ledgerServerCpuMillis}: the PostgreSQL server's (0 with the embedded ledger);
     * {@code refusedCalls}: the bulk calls the sandbox answered 429 (over its concurrency limit).
     */
    record Result(double rowsPerSecond, long peakHeapBytes, long importCpuMillis, long sandboxCpuMillis,
            long ledgerServerCpuMillis, long refusedCalls) {
    }

    /** Zest is across a network from its partners: {@code -Dzest.latencyMs} holds every bulk answer back that long. */
    private static void resetSandbox() {
        SANDBOX.admin().reset();
        SANDBOX.admin().maxConcurrentCalls(Integer.getInteger("zest.maxConcurrentCalls", 0));
        int latencyMs = Integer.getInteger("zest.latencyMs", 0);
        if (latencyMs > 0) {
            SANDBOX.admin().injectFault("POST", "/v1/investors", 0, Integer.MAX_VALUE, latencyMs, true);
        }
    }

    private double baselineRowsPerSecond(int rows) throws Exception {
        resetSandbox();
        List<byte[]> warmup = batches("warm", WARMUP_ROWS);
        List<byte[]> batches = batches("base", rows);
        try (CloseableHttpClient client = HttpClients.createDefault()) {
            String token = token(client);
            post(client, token, warmup);
            long cpu = ForkedImport.processCpuMillis();
            long started = System.nanoTime();
            post(client, token, batches);
            double rowsPerSecond = rows / ((System.nanoTime() - started) / 1e9);
            Figures.report(String.format("import baseline rows=%d latency=%dms %.0f rows/s cpu=%d ms (sandbox and client) "
                    + "loadAverage=%.1f", rows, Integer.getInteger("zest.latencyMs", 0),
                    rowsPerSecond, ForkedImport.processCpuMillis() - cpu, Figures.loadAverage()));
            return rowsPerSecond;
        }
    }

    private static List<byte[]> batches(String idPrefix, int rows) throws IOException {
        List<byte[]> batches = new ArrayList<>();
        for (int start = 0; start < rows; start += BATCH) {
            List<Map<String, String>> investors = new ArrayList<>();
            for (int i = start; i < Math.min(rows, start + BATCH); i++) {
                investors.add(row(idPrefix + "-" + i));
            }
            batches.add(JSON.writeValueAsBytes(Map.of("investors", investors)));
        }
        return batches;
    }

    private static void post(CloseableHttpClient client, String token, List<byte[]> batches) throws IOException {
        for (byte[] batch : batches) {
            HttpPost post = new HttpPost(SANDBOX.baseUrl() + "/v1/investors");
            post.setHeader("Authorization", "Bearer " + token);
            post.setHeader("Idempotency-Key", UUID.randomUUID().toString());
            post.setEntity(new ByteArrayEntity(batch, ContentType.APPLICATION_JSON));
            int status = client.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
            assertEquals(200, status);
        }
    }

    private Result routeImport(int rows, boolean overSftp) throws Exception {
        resetSandbox();
        Path work = Files.createTempDirectory(temp, overSftp ? "sftp" : "file");
        Path keyFile = work.resolve("partner.pem");
        Files.writeString(keyFile, SANDBOX.partner().privateKeyPem(), StandardCharsets.US_ASCII);
        String zestUri = "zest:bulkCreateInvestors?baseUrl=RAW(" + SANDBOX.baseUrl() + ")&audience=RAW("
                + SANDBOX.audience() + ")&clientId=RAW(" + SANDBOX.partner().clientId() + ")&issuer=RAW("
                + SANDBOX.partner().issuer() + ")&privateKey=RAW(file:" + keyFile + ")";
        List<String> arguments = new ArrayList<>(List.of("zestUri=" + zestUri, "batchSize=" + BATCH,
                "dataDirectory=" + work.resolve("data"), "pollDelay=100", "readLockCheckInterval=100"));
        if (POSTGRESQL_LEDGER) {
            arguments.add(ForkedImport.LEDGER_JDBC_URL + postgres.createDatabase("import_" + LEDGERS.incrementAndGet()));
        }
        String maxBatchesInFlight = System.getProperty("import.maxBatchesInFlight");
        if (maxBatchesInFlight != null) {
            arguments.add("maxBatchesInFlight=" + maxBatchesInFlight);
        }
        EmbeddedSftpServer sftp = null;
        Path inbox;
        if (overSftp) {
            sftp = EmbeddedSftpServer.builder().rootDirectory(work.resolve("sftp-root"))
                    .passwordUser("bench", "bench").build().start();
            inbox = sftp.rootDirectory().resolve("inbox");
            arguments.addAll(List.of("template=sftp", "host=" + sftp.host(), "port=" + sftp.port(), "username=bench",
                    "password=bench", "knownHostsFile=" + sftp.knownHostsFile(), "useUserKnownHostsFile=false",
                    "directory=inbox"));
        } else {
            inbox = work.resolve("inbox");
            arguments.addAll(List.of("template=file", "directory=" + inbox));
        }
        Process process = null;
        try {
            Path warmupDone = inbox.resolve("done/warmup.csv");
            Path done = inbox.resolve("done/investors.csv");
            arguments.add("awaitFiles=" + (WARMUP_ROWS > 0 ? warmupDone + "," : "") + done);
            Path output = work.resolve("import.log");
            process = forkedImport(arguments, output);
            if (WARMUP_ROWS > 0) {
                writeCsv(inbox.resolve("warmup.csv"), "warm", WARMUP_ROWS);
                awaitFile(warmupDone, process);
            }
            writeCsv(inbox.resolve("investors.csv"), "route", rows);
            long refusedBefore = refusedCalls();
            long sandboxCpu = ForkedImport.processCpuMillis();
            long ledgerServerCpu = ledgerServerCpuMillis();
            assertTrue(process.waitFor(30, TimeUnit.MINUTES), "the import finished");
            sandboxCpu = ForkedImport.processCpuMillis() - sandboxCpu;
            ledgerServerCpu = ledgerServerCpuMillis() - ledgerServerCpu;
            String log = Files.readString(output);
            log.lines().filter(line -> line.startsWith("investors.csv thread") || line.startsWith("investors.csv JVM"))
                    .forEach(line -> System.out.println("CPU of the import JVM, " + line));
            assertEquals(0, process.exitValue(), log);
            JsonNode summary = JSON.readTree(inbox.resolve("results/investors.summary.json").toFile());
            assertEquals(rows, summary.get("counts").get("created").asLong(), summary.toString());
            return new Result(rows / (summary.get("durationMillis").asLong() / 1000.0),
                    printed(log, ForkedImport.PEAK_HEAP), printed(log, ForkedImport.CPU_TIME), sandboxCpu,
                    ledgerServerCpu, refusedCalls() - refusedBefore);
        } finally {
            if (process != null) {
                process.destroyForcibly(); // a failed or timed-out run leaves no import behind to skew the next
            }
            if (sftp != null) {
                sftp.close();
            }
        }
    }

    private static long ledgerServerCpuMillis() {
        return postgres == null ? 0 : postgres.serverCpuMillis();
    }

    private static long refusedCalls() {
        return SANDBOX.admin().requests().stream().filter(request -> request.status() == 429).count();
    }

    private static void awaitFile(Path file, Process process) throws InterruptedException {
        while (!Files.exists(file)) {
            assertTrue(process.isAlive(), "the import is running");
            Thread.sleep(20);
        }
    }

    /** A figure the fork printed for the measured file. */
    private static long printed(String log, String prefix) {
        String measured = "investors.csv " + prefix;
        return log.lines().filter(line -> line.startsWith(measured))
                .map(line -> Long.parseLong(line.substring(measured.length()))).findFirst().orElseThrow();
    }

    private static Process forkedImport(List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("import.heap", "256m"), "-XX:+ExitOnOutOfMemoryError"));
        String extraJvmArguments = System.getProperty("fork.jvmArgs", "");
        if (!extraJvmArguments.isBlank()) {
            command.addAll(List.of(extraJvmArguments.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ForkedImport.class.getName()));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void writeCsv(Path file, String idPrefix, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        Path part = file.resolveSibling("." + file.getFileName() + ".part");
        try (BufferedWriter out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            out.write("partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence\n");
            for (int i = 0; i < rows; i++) {
                Map<String, String> row = row(idPrefix + "-" + i);
                out.write(String.join(",", row.values()));
                out.write('\n');
            }
        }
        Files.move(part, file);
    }

    private static Map<String, String> row(String id) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("partnerInvestorId", id);
        row.put("email", id + "@example.com");
        row.put("firstName", "Alice");
        row.put("lastName", "Liddell");
        row.put("dateOfBirth", "1985-04-12");
        row.put("countryOfResidence", "AE");
        return row;
    }

    private static String token(CloseableHttpClient client) throws IOException {
        HttpPost post = new HttpPost(SANDBOX.baseUrl() + "/v1/oauth2/tokens");
        post.setEntity(new StringEntity("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion="
                + SANDBOX.partner().mintAssertion(SANDBOX.audience()), ContentType.APPLICATION_FORM_URLENCODED));
        return client.execute(post, response -> JSON.readTree(EntityUtils.toString(response.getEntity()))
                .get("accessToken").asText());
    }
}
