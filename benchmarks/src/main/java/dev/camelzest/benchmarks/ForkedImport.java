package dev.camelzest.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.camelzest.fixtures.postgres.PostgresCluster;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The investor import alone in a JVM of its own, as the application runs it, for the throughput and memory
 * benchmarks: imports the files dropped in {@code directory} (local or, with {@code host=...}, on SFTP) until each
 * of {@code awaitFiles} (comma-separated, in order) exists, then exits. For each it prints the peak heap and the
 * CPU time of this JVM while that file was imported, so that a warm-up file measures apart from the file after it.
 * Arguments are {@code key=value} template parameters, plus {@code template=sftp|file} and, for a ledger in
 * PostgreSQL instead of the embedded H2, {@code ledgerJdbcUrl=...}.
 */
public final class ForkedImport {

    public static final String PEAK_HEAP = "PEAK_HEAP_BYTES=";
    public static final String CPU_TIME = "CPU_TIME_MILLIS=";
    /** The argument that puts the ledger in a PostgreSQL database of the benchmark's throwaway cluster. */
    public static final String LEDGER_JDBC_URL = "ledgerJdbcUrl=";

    private ForkedImport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            parameters.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String template = "sftp".equals(parameters.remove("template"))
                ? InvestorImportTemplates.SFTP : InvestorImportTemplates.FILE;
        List<Path> awaited = new ArrayList<>();
        for (String file : parameters.remove("awaitFiles").split(",")) {
            awaited.add(Path.of(file));
        }
        String ledgerJdbcUrl = parameters.remove(LEDGER_JDBC_URL.substring(0, LEDGER_JDBC_URL.length() - 1));
        LedgerSettings ledgerSettings = ledgerJdbcUrl == null
                ? LedgerSettings.embedded(Path.of(parameters.get("dataDirectory")))
                : LedgerSettings.jdbc(ledgerJdbcUrl, PostgresCluster.USER, PostgresCluster.PASSWORD);
        try (Ledger ledger = Ledger.open(ledgerSettings);
             DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("zestLedger", ledger);
            camel.addRoutes(new InvestorImportTemplates());
            camel.start();
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, template).routeId("benchmark-import");
            parameters.forEach(route::parameter);
            route.add();
            PeakHeap peakHeap = new PeakHeap();
            for (Path done : awaited) {
                measureUntil(done, peakHeap);
            }
        }
    }

    /** Prints the peak heap and the CPU time (per thread, and the JVM's own) until {@code done} exists. */
    private static void measureUntil(Path done, PeakHeap peakHeap) throws InterruptedException {
        long cpuAtStart = processCpuMillis();
        long compilingAtStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        Map<String, Long> threadsAtStart = threadCpuMillis();
        peakHeap.reset();
        while (!Files.exists(done)) {
            Thread.sleep(100);
        }
        long peak = peakHeap.sample();
        String file = done.getFileName() + " ";
        long cpu = processCpuMillis() - cpuAtStart;
        System.out.println(file + PEAK_HEAP + peak);
        System.out.println(file + CPU_TIME + cpu);
        long javaThreads = 0;
        for (Map.Entry<String, Long> thread : threadCpuMillis().entrySet()) {
            long used = thread.getValue() - threadsAtStart.getOrDefault(thread.getKey(), 0L);
            javaThreads += used;
            if (used >= 50) {
                System.out.println(file + "thread " + thread.getKey() + ": " + used + " ms");
            }
        }
        long compiling = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingAtStart;
        System.out.println(file + "JVM (compiler, collector): " + (cpu - javaThreads) + " ms; compiler threads busy "
                + compiling + " ms");
    }

    private static Map<String, Long> threadCpuMillis() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            long nanos = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) {
                cpu.merge(info.getThreadName().replaceAll("file://\\S+|sftp://\\S+", "<source>"), nanos / 1_000_000,
                        Long::sum);
            }
        }
        return cpu;
    }

    /** CPU time of this whole JVM (import, collector, compiler) so far, in milliseconds. */
    public static long processCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
    }
}
