package dev.camelzest.springboot;

import java.util.Map;

import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.springboot.testapp.StarterTestApplication;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A key Zest does not know: the zest readiness check is DOWN in /actuator/health, and so is the application; neither
 * the health reply nor the log shows the key or the webhook secret.
 */
@CamelSpringBootTest
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = { StarterTestApplication.class, ZestProducerRoutes.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZestHealthWrongKeyStarterTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final PartnerCredentials UNKNOWN_KEY = PartnerCredentials.generate("someone-else");

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry, SANDBOX);
        registry.add("sandbox.private-key", UNKNOWN_KEY::privateKeyPem);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void theZestCheckIsDownWhenTheKeyIsWrong(CapturedOutput output) {
        ResponseEntity<Map> reply = http.getForEntity("/actuator/health", Map.class);

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        ActuatorHealth.Check zest = ActuatorHealth.zestCheck(reply.getBody());
        assertThat(zest.status()).isEqualTo("DOWN");
        assertThat(zest.data()).containsKey("code");
        String keyMaterial = UNKNOWN_KEY.privateKeyPem().lines().skip(1).findFirst().orElseThrow();
        assertThat(String.valueOf(reply.getBody())).doesNotContain(keyMaterial)
                .doesNotContain(SandboxProperties.WEBHOOK_SECRET);
        assertThat(output.getAll()).as("the captured log").contains("Started ZestHealthWrongKeyStarterTest")
                .doesNotContain(keyMaterial).doesNotContain(SandboxProperties.WEBHOOK_SECRET);
    }
}
