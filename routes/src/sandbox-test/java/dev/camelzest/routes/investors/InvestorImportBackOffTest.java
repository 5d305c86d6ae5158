package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Zest that serves two calls at once and answers 429 with {@code Retry-After: 1} above that, against an import
 * allowed eight batches in flight: the import lowers its calls in flight, waits as asked, and loses no row.
 */
class InvestorImportBackOffTest {

    private static final int ROWS = 3_000;
    private static final int BATCH = 100;
    private static final int LOTS = 1_000_000;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    @Test
    void aZestThatTakesTwoCallsAtOnceGetsFewerAndEveryRowIsCreatedOnce() throws Exception {
        SANDBOX.admin().reset();
        SANDBOX.admin().maxConcurrentCalls(2);
        // every call takes a round trip long enough for calls to overlap
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 0, LOTS, 100, true);
        Path inbox = temp.resolve("inbox");
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
             DefaultCamelContext camel = TemplateCamel.start(ledger, new InvestorImportTemplates())) {
            TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                    .parameter("directory", inbox.toString())
                    .parameter("dataDirectory", temp.resolve("data").toString())
                    .parameter("zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")))
                    .parameter("batchSize", String.valueOf(BATCH))
                    .parameter("maxBatchesInFlight", "8")
                    .parameter("pollDelay", "200")
                    .parameter("initialPollDelay", "0")
                    .parameter("readLockCheckInterval", "200")
                    .parameter("redeliveryDelay", "50")
                    .add();
            drop(inbox, "busy-day.csv", cleanCsv(1, ROWS));

            await().atMost(Duration.ofMinutes(2)).until(() -> Files.exists(inbox.resolve("done/busy-day.csv")));

            List<CSVRecord> results = readResults(inbox.resolve("results/busy-day.results.csv"));
            assertThat(results).extracting(r -> r.get("status")).hasSize(ROWS).containsOnly("created");
            assertThat(results).extracting(r -> Long.parseLong(r.get("rowNumber"))).isSorted();
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(ROWS);
            assertThat(ledger.investors().count()).isEqualTo(ROWS);

            List<RecordedRequest> calls = SandboxZest.bulkCalls(SANDBOX);
            Map<Integer, Long> byStatus = calls.stream()
                    .collect(Collectors.groupingBy(RecordedRequest::status, Collectors.counting()));
            assertThat(byStatus.get(200)).as("one answered call per batch").isEqualTo(ROWS / BATCH);
            assertThat(byStatus.get(429)).as("the limit was met").isPositive()
                    // the first round's eight calls, two served and six refused, took the limit down to the two calls
                    // Zest went on serving: no further round of four, then three (no probe within 30 s either)
                    .as("refused in the first round only").isLessThanOrEqualTo(6);
        } finally {
            SANDBOX.admin().maxConcurrentCalls(0);
            SANDBOX.admin().clearFaults();
        }
    }
}
