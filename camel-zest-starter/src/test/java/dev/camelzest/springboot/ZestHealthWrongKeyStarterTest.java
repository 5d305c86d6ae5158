package dev.camelzest.springboot;

import java.util.Map;

import dev.camelzest.sandbox.PartnerCredentials;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.springboot.testapp.StarterTestApplication;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A key Zest does not know: the zest readiness check is DOWN in /actuator/health, and so is the application. */
@CamelSpringBootTest
@SpringBootTest(classes = { StarterTestApplication.class, ZestHealthWrongKeyStarterTest.Routes.class },
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZestHealthWrongKeyStarterTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @DynamicPropertySource
    static void sandbox(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry, SANDBOX);
        registry.add("sandbox.private-key", () -> PartnerCredentials.generate("someone-else").privateKeyPem());
    }

    @TestConfiguration
    static class Routes {
        @Bean
        RouteBuilder zestRoutes() {
            return new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:info").routeId("info").to("zest:tokenInfo");
                }
            };
        }
    }

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings({ "unchecked", "rawtypes" })
    void theZestCheckIsDownWhenTheKeyIsWrong() {
        ResponseEntity<Map> reply = http.getForEntity("/actuator/health", Map.class);

        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        ActuatorHealth.Check zest = ActuatorHealth.zestCheck(reply.getBody());
        assertThat(zest.status()).isEqualTo("DOWN");
        assertThat(zest.data()).containsKey("code");
        assertThat(String.valueOf(reply.getBody())).doesNotContain(SANDBOX.partner().privateKeyPem().lines().skip(1).findFirst()
                .orElseThrow());
    }
}
