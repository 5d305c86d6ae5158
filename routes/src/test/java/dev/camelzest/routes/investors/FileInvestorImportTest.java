package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.HEADER;
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
import dev.camelzest.routes.testing.FakeZest;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInvestorImportTest {

    @TempDir
    Path temp;

    private final FakeZest zest = new FakeZest();
    private DefaultCamelContext camel;
    private Ledger ledger;
    private Path inbox;

    @BeforeEach
    void start() throws Exception {
        inbox = temp.resolve("inbox");
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("zestLedger", ledger);
        camel.addRoutes(new InvestorImportTemplates());
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").process(zest);
            }
        });
        camel.start();
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId("investor-import")
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", "direct:zest")
                .parameter("batchSize", "3")
                .parameter("pollDelay", "100")
                .parameter("readLockCheckInterval", "200")
                .parameter("redeliveryDelay", "10")
                .add();
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
    }

    @Test
    void cleanFileIsOnboardedAndMovedToDone() {
        drop(inbox, "clean.csv", cleanCsv(1, 7));

        awaitDone("clean.csv");
        List<CSVRecord> results = readResults(inbox.resolve("results/clean.results.csv"));
        assertThat(results).hasSize(7);
        assertThat(results).extracting(r -> r.get("status")).containsOnly("created");
        assertThat(results).extracting(r -> r.get("rowNumber")).containsExactly("1", "2", "3", "4", "5", "6", "7");
        assertThat(readResults(inbox.resolve("results/clean.errors.csv"))).isEmpty();
        assertThat(zest.calls()).isEqualTo(3);
        assertThat(ledger.investors().count()).isEqualTo(7);
        assertThat(ledger.investors().zestPersonId("inv-1")).contains(results.get(0).get("zestPersonId"));
    }

    private void awaitDone(String name) {
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done").resolve(name)));
        assertThat(inbox.resolve(name)).doesNotExist();
    }
}
