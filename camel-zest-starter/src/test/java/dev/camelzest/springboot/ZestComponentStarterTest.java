package dev.camelzest.springboot;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.springboot.testapp.StarterTestApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component configured only from application.yml: it calls the sandbox with a token and an Idempotency-Key,
 * receives Zest's signed webhook on the application's own web server, and its readiness check is in
 * /actuator/health.
 */
@CamelSpringBootTest
@SpringBootTest(classes = { StarterTestApplication.class, ZestProducerRoutes.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZestComponentStarterTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry, SANDBOX);
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    ProducerTemplate producer;

    @Autowired
    TestRestTemplate http;

    @LocalServerPort
    int port;

    @Test
    void optionsFromApplicationYamlReachTheComponent() {
        ZestComponent zest = camelContext.getComponent("zest", ZestComponent.class);

        assertThat(zest.getConfiguration().getBaseUrl()).isEqualTo(SANDBOX.baseUrl());
        assertThat(zest.getConfiguration().getClientId()).isEqualTo(SANDBOX.partner().clientId());
        assertThat(zest.getConfiguration().getConnectTimeout()).isEqualTo(5_000L);
        assertThat(zest.getConfiguration().getReadTimeout()).isEqualTo(10_000L);
    }

    @Test
    void callsZestWithATokenAndAnIdempotencyKeyAndReceivesTheSignedWebhook() throws Exception {
        SANDBOX.admin().configureWebhooks("http://127.0.0.1:" + port + "/zest/events", SandboxProperties.WEBHOOK_SECRET,
                0.001, false, false);
        MockEndpoint events = camelContext.getEndpoint("mock:events", MockEndpoint.class);
        events.expectedMinimumMessageCount(1);
        events.expectedHeaderReceived(ZestConstants.EVENT_TYPE, "investor.created");

        InvestorBulkResponse reply = producer.requestBodyAndHeader("direct:investors",
                List.of(new InvestorCreateRow("starter-1", "starter-1@example.com", "Ada", "Lovelace", "1985-12-10",
                        null)),
                ZestConstants.IDEMPOTENCY_KEY, "starter-import-1", InvestorBulkResponse.class);

        assertThat(reply.results()).singleElement().satisfies(row -> assertThat(row.status()).isEqualTo("created"));
        List<RecordedRequest> calls = SANDBOX.admin().requests();
        assertThat(calls).anySatisfy(call -> assertThat(call.path()).contains("token"));
        assertThat(calls).filteredOn(call -> call.path().equals("/v1/investors")).singleElement()
                .satisfies(call -> {
                    assertThat(call.idempotencyKey()).isEqualTo("starter-import-1");
                    assertThat(call.clientId()).isEqualTo(SANDBOX.partner().clientId());
                });
        events.assertIsSatisfied(TimeUnit.SECONDS.toMillis(20));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theZestReadinessCheckIsUpInActuatorHealth() {
        Map<String, Object> health = http.getForObject("/actuator/health", Map.class);

        assertThat(health).containsEntry("status", "UP");
        ActuatorHealth.Check zest = ActuatorHealth.zestCheck(health);
        assertThat(zest.status()).isEqualTo("UP");
        assertThat(zest.data()).containsEntry("baseUrl", SANDBOX.baseUrl());
    }
}
