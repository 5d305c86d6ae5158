package dev.camelzest.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;

import com.sun.management.OperatingSystemMXBean;
import dev.camelzest.routes.filedrop.SeenIds;
import dev.camelzest.routes.ledger.InvestorMapping;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two H2 stages of the investor import on their own, by this JVM's CPU time per row ({@code getProcessCpuTime}:
 * every thread, H2's writer and the collector included): the duplicate check's store of ids seen ({@link SeenIds})
 * and the ledger's recording of 500-row batches, each with ids in file order ({@code route-1}, {@code route-2}...,
 * as the import benchmark's) and with UUIDs. {@code -Dstages.rows} (default 200,000); three rounds each, the first
 * with a cold JIT. {@code -Dstages.h2Options=CACHE_SIZE=32768;WRITE_DELAY=2000} opens the embedded ledger with those
 * H2 settings instead of the ledger's own.
 */
class ImportStagesBenchmark {

    private static final int ROWS = Integer.getInteger("stages.rows", 200_000);
    private static final String H2_OPTIONS = System.getProperty("stages.h2Options", "");
    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path temp;

    @Test
    void duplicateCheckAndLedgerCpuPerRow() throws Exception {
        for (String ids : List.of("ordered", "uuid")) {
            IntFunction<String> id = ids.equals("uuid") ? i -> UUID.randomUUID().toString() : i -> "route-" + i;
            for (int round = 1; round <= 3; round++) {
                seenIds(ids, round, id);
            }
            for (int round = 1; round <= 3; round++) {
                ledger(ids, round, id);
            }
        }
    }

    private void seenIds(String ids, int round, IntFunction<String> id) throws Exception {
        Path directory = Files.createTempDirectory(temp, "seen");
        try (SeenIds seen = SeenIds.in(directory)) {
            long cpu = OS.getProcessCpuTime();
            for (int row = 0; row < ROWS; row++) {
                seen.firstRow(id.apply(row), row);
            }
            report("duplicate check", ids, round, OS.getProcessCpuTime() - cpu,
                    String.format(" scratchFile=%d MB", Files.size(directory.resolve("seen-ids.mv")) >> 20));
        }
    }

    private void ledger(String ids, int round, IntFunction<String> id) throws Exception {
        Path directory = Files.createTempDirectory(temp, "ledger");
        LedgerSettings settings = H2_OPTIONS.isEmpty() ? LedgerSettings.embedded(directory)
                : LedgerSettings.jdbc("jdbc:h2:file:" + directory.resolve("zest-ledger").toAbsolutePath()
                        + ";DB_CLOSE_ON_EXIT=FALSE;" + H2_OPTIONS, null, null);
        try (Ledger ledger = Ledger.open(settings)) {
            long cpu = OS.getProcessCpuTime();
            for (int from = 0; from < ROWS; from += 500) {
                List<InvestorMapping> batch = new ArrayList<>(500);
                Set<String> created = new HashSet<>();
                for (int row = from; row < from + 500; row++) {
                    String partnerInvestorId = id.apply(row);
                    batch.add(new InvestorMapping(partnerInvestorId, "psn_" + row, partnerInvestorId + "@example.com",
                            "Alice", "Liddell"));
                    created.add(partnerInvestorId);
                }
                ledger.investors().record(batch, "investors.csv", "import", created);
            }
            report("ledger", ids, round, OS.getProcessCpuTime() - cpu, " h2Options=" + H2_OPTIONS);
        }
    }

    private static void report(String stage, String ids, int round, long cpuNanos, String more) {
        Figures.report(String.format("import stage=%s ids=%s rows=%d round=%d cpu=%.2f us/row%s loadAverage=%.1f",
                stage, ids, ROWS, round, cpuNanos / 1e3 / ROWS, more, Figures.loadAverage()));
    }
}
