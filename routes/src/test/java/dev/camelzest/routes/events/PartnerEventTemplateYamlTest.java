package dev.camelzest.routes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.testing.PartnerHttpEndpoint;
import dev.camelzest.routes.testing.ZestEvents;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The events template from YAML, with its targets as a folded block, as the README shows it. */
class PartnerEventTemplateYamlTest {

    @TempDir
    Path temp;

    @Test
    void yamlTemplatedRouteWithTargetsPerType() throws Exception {
        String yaml = """
                - templatedRoute:
                    routeTemplateRef: zest-events-to-partner
                    routeId: yaml-events
                    parameters:
                      - name: source
                        value: direct:yaml-events
                      - name: targets
                        value: >-
                          investor.created=mock:investors
                          subscription.completed=mock:completions
                      - name: defaultTarget
                        value: "%s"
                      - name: deadLetterDirectory
                        value: "%s"
                      - name: dataDirectory
                        value: "%s"
                """;
        try (PartnerHttpEndpoint partner = PartnerHttpEndpoint.start();
                DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new PartnerEventTemplates());
            PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString("events.yaml",
                    yaml.formatted(partner.uri(), temp.resolve("dead-letter"), temp.resolve("data"))));
            camel.start();
            MockEndpoint investors = camel.getEndpoint("mock:investors", MockEndpoint.class);
            investors.expectedHeaderReceived(ZestConstants.EVENT_TYPE, "investor.created");

            ZestEvents.journey().forEach(event -> camel.createProducerTemplate().sendBody("direct:yaml-events", event));

            investors.assertIsSatisfied();
            assertThat(camel.getEndpoint("mock:completions", MockEndpoint.class).getReceivedCounter()).isEqualTo(1);
            assertThat(partner.accepted()).hasSize(5);
            Ledger ledger = camel.getRegistry().lookupByNameAndType("zestLedger", Ledger.class);
            assertThat(ledger.subscriptions().bySlug("sub_1").orElseThrow().status()).isEqualTo("completed");
        }
    }
}
