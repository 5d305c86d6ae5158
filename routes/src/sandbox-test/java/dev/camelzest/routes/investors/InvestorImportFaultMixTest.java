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
 * An import through a bad day at Zest: 10% of the bulk calls fail with 503 before doing anything, 5% fail with 503
 * after creating their persons, and 2% answer only after the connector's read timeout. The import must complete,
 * every row with its person, and no person may be created twice. The faults are drawn from a fixed seed whose first
 * eleven calls meet all three kinds, so that even the shortest run meets them.
 */
class InvestorImportFaultMixTest {

    private static final int ROWS = Integer.getInteger("reliability.importRows", 5_000);
    private static final int LOTS = 1_000_000;
    /** Calls 7 (503), 9 (answered too late), 10 and 11 (503 after their effect) are struck with this seed. */
    private static final long FAULT_SEED = 15;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create(b -> b.randomSeed(FAULT_SEED));

    @TempDir
    Path temp;

    @Test
    void theImportCompletesWithOnePersonPerRow() throws Exception {
        SANDBOX.admin().reset();
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, LOTS, 0, false, 0.10);
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 503, LOTS, 0, true, 0.05);
        SANDBOX.admin().injectFault("POST", SandboxZest.INVESTORS, 0, LOTS, 1_500, true, 0.02);
        Path inbox = temp.resolve("inbox");
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
             DefaultCamelContext camel = TemplateCamel.start(ledger, new InvestorImportTemplates())) {
            TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                    .parameter("directory", inbox.toString())
                    .parameter("dataDirectory", temp.resolve("data").toString())
                    .parameter("zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"))
                            + "&readTimeout=500")
                    .parameter("batchSize", "100")
                    .parameter("pollDelay", "200")
                    .parameter("initialPollDelay", "0")
                    .parameter("readLockCheckInterval", "200")
                    .parameter("redeliveryDelay", "50")
                    .parameter("maximumRedeliveryDelay", "400")
                    .add();
            drop(inbox, "bad-day.csv", cleanCsv(1, ROWS));

            await().atMost(Duration.ofMinutes(3)).until(() -> Files.exists(inbox.resolve("done/bad-day.csv")));

            List<CSVRecord> results = readResults(inbox.resolve("results/bad-day.results.csv"));
            assertThat(results).hasSize(ROWS);
            assertThat(results).extracting(r -> r.get("status")).isSubsetOf("created", "already_exists");
            assertThat(results).extracting(r -> r.get("zestPersonId")).doesNotContain("").doesNotHaveDuplicates();
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(ROWS);
            assertThat(ledger.investors().count()).isEqualTo(ROWS);
            for (CSVRecord result : List.of(results.get(0), results.get(ROWS / 2), results.get(ROWS - 1))) {
                assertThat(ledger.investors().zestPersonId(result.get("partnerInvestorId")))
                        .contains(result.get("zestPersonId"));
            }
            List<RecordedRequest> calls = SandboxZest.bulkCalls(SANDBOX);
            assertThat(calls).as("the faults struck").anyMatch(call -> call.status() == 503);
            assertThat(calls.size()).as("failed calls were retried").isGreaterThan(ROWS / 100);
        } finally {
            SANDBOX.admin().clearFaults();
        }
    }
}
