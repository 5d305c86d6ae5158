package dev.camelzest.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A YAML route using zest: in a Camel Main application of the Camel line the build runs on (the default, or the
 * {@code camel-4.14} / {@code camel-latest} profile), calling the sandbox.
 */
class ZestYamlRouteInCamelMainTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private Main main;
    private CamelContext camel;

    @BeforeEach
    void start() {
        SANDBOX.admin().reset();
        Properties properties = new Properties();
        properties.put("camel.main.routes-include-pattern", "classpath:compat/zest-routes.yaml");
        properties.put("camel.component.zest.base-url", SANDBOX.baseUrl());
        properties.put("camel.component.zest.audience", SANDBOX.audience());
        properties.put("camel.component.zest.client-id", SANDBOX.partner().clientId());
        properties.put("camel.component.zest.issuer", SANDBOX.partner().issuer());
        properties.put("camel.component.zest.private-key", SANDBOX.partner().privateKeyPem());
        main = new Main();
        main.setInitialProperties(properties);
        main.start();
        camel = main.getCamelContext();
    }

    @AfterEach
    void stop() {
        main.stop();
    }

    @Test
    void runsOnTheCamelLineTheBuildChose() {
        assertThat(camel.getVersion()).isEqualTo(System.getProperty("camel.expected.version"));
    }

    @Test
    void theYamlParametersBecomeTheEndpointsOptions() {
        assertThat(camel.getEndpoints()).extracting(Endpoint::getEndpointUri)
                .contains("zest://getSample?name=syndicate_secondary&version=1.0.0",
                        "zest://listSpvRequests?allPages=true&status=pending-review");
    }

    @Test
    void aSubmittedRequestIsCreatedOnceAndListedAsPending() throws Exception {
        ProducerTemplate producer = camel.createProducerTemplate();

        SpvRequestResponse created = submit(producer, "compat-request-1");
        SpvRequestResponse again = submit(producer, "compat-request-1");
        List<?> pending = producer.requestBody("direct:pending", null, List.class);
        List<?> approved = producer.requestBodyAndHeader("direct:by-status", null, "status", "approved", List.class);

        assertThat(created.spvRequestSlug()).startsWith("svr_");
        assertThat(again.spvRequestSlug()).isEqualTo(created.spvRequestSlug());
        assertThat(pending).hasSize(1);
        assertThat(approved).isEmpty();
        assertThat(SANDBOX.admin().requests()).filteredOn(call -> call.path().equals("/v1/spv-requests")
                        && call.method().equals("POST"))
                .extracting(RecordedRequest::idempotencyKey).containsExactly("compat-request-1", "compat-request-1");
    }

    private static SpvRequestResponse submit(ProducerTemplate producer, String requestId) throws Exception {
        Exchange result = producer.request("direct:submit-sample", exchange -> exchange.setProperty("requestId", requestId));
        assertThat(result.getException()).isNull();
        return result.getMessage().getMandatoryBody(SpvRequestResponse.class);
    }
}
