package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerConfiguration;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The templates instantiated the declarative ways: YAML {@code templatedRoute} and Camel Main properties. */
class InvestorImportTemplateUsageTest {

    @TempDir
    Path temp;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private String zestUri() {
        return SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
    }

    @Test
    void yamlTemplatedRoute() throws Exception {
        Path inbox = temp.resolve("yaml-inbox");
        String yaml = """
                - templatedRoute:
                    routeTemplateRef: zest-investor-import-file
                    routeId: yaml-investor-import
                    parameters:
                      - name: directory
                        value: "%s"
                      - name: dataDirectory
                        value: "%s"
                      - name: zestUri
                        value: "%s"
                      - name: batchSize
                        value: "2"
                      - name: pollDelay
                        value: "100"
                """.formatted(inbox, temp.resolve("data"), zestUri());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new InvestorImportTemplates());
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("investors.yaml", yaml));
            camel.start();
            assertThat(camel.getRoute("yaml-investor-import")).isNotNull();

            drop(inbox, "from-yaml.csv", cleanCsv(1, 3));
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/from-yaml.csv")));
            assertThat(readResults(inbox.resolve("results/from-yaml.results.csv"))).hasSize(3);
            // no ledger bean was given: the embedded one in the data directory holds the mapping
            Ledger ledger = camel.getRegistry().lookupByNameAndType("zestLedger", Ledger.class);
            assertThat(ledger.investors().count()).isEqualTo(3);
        }
        assertThat(temp.resolve("data/ledger")).isDirectory();
    }

    @Test
    void applicationProperties() throws Exception {
        Path inbox = temp.resolve("props-inbox");
        Main main = new Main();
        main.configure().addRoutesBuilder(new InvestorImportTemplates());
        main.addInitialProperty("camel.main.configuration-classes", LedgerConfiguration.class.getName());
        main.addInitialProperty("zest.ledger.jdbc-url", "jdbc:h2:file:" + temp.resolve("props-ledger/db"));
        // the bracket names the route; camel.route-template[0]. works too, with a generated route id
        String prefix = "camel.route-template[props-investor-import].";
        main.addInitialProperty(prefix + "template-id", InvestorImportTemplates.FILE);
        main.addInitialProperty(prefix + "directory", inbox.toString());
        main.addInitialProperty(prefix + "dataDirectory", temp.resolve("data").toString());
        main.addInitialProperty(prefix + "zestUri", zestUri());
        main.addInitialProperty(prefix + "pollDelay", "100");
        main.start();
        try {
            drop(inbox, "from-props.csv", cleanCsv(1, 2));
            await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/from-props.csv")));
            assertThat(main.getCamelContext().getRoute("props-investor-import")).isNotNull();
            assertThat(readResults(inbox.resolve("results/from-props.results.csv"))).hasSize(2);
            Ledger ledger = main.getCamelContext().getRegistry().lookupByNameAndType("zestLedger", Ledger.class);
            assertThat(ledger.investors().zestPersonId("inv-1")).isPresent();
        } finally {
            main.stop();
        }
        assertThat(temp.resolve("props-ledger")).isDirectoryContaining("glob:**/db.mv.db");
    }
}
