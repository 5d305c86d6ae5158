package dev.camelzest.examples.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example as a partner runs it, against the sandbox: an investor file dropped in the inbox is imported, and the
 * investor.created webhooks Zest sends arrive on the application's web server and show in GET /events.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "zest.investors.parameters.poll-delay=100",
    "zest.investors.parameters.read-lock-check-interval=200" })
class ZestSpringBootExampleTest {

    private static final String WEBHOOK_SECRET = "whsec_ZXhhbXBsZS10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5";

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void environment(DynamicPropertyRegistry registry) {
        registry.add("ZEST_BASE_URL", SANDBOX::baseUrl);
        registry.add("ZEST_CLIENT_ID", () -> SANDBOX.partner().clientId());
        registry.add("ZEST_ISSUER", () -> SANDBOX.partner().issuer());
        registry.add("ZEST_PRIVATE_KEY", () -> SANDBOX.partner().privateKeyPem());
        registry.add("ZEST_WEBHOOK_SECRET", () -> WEBHOOK_SECRET);
        registry.add("EXAMPLE_DATA_DIR", () -> work.resolve("data").toString());
        registry.add("EXAMPLE_INBOX", () -> work.resolve("inbox").toString());
        registry.add("EXAMPLE_DB_URL", () -> "jdbc:h2:mem:example;DB_CLOSE_DELAY=-1");
    }

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Test
    void investorFileImportedAndItsWebhooksShownByTheApplication() throws IOException {
        SANDBOX.admin().configureWebhooks("http://127.0.0.1:" + port + "/zest/events", WEBHOOK_SECRET, 0.001, false,
                false);
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        Path staged = inbox.resolve(".investors.csv.part");
        Files.writeString(staged, """
                partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence
                ex-001,amira.haddad@example.com,Amira,Haddad,1984-03-12,AE
                ex-002,ben.okafor@example.com,Ben,Okafor,1979-11-02,GB
                """, StandardCharsets.UTF_8);
        Files.move(staged, inbox.resolve("investors.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/investors.csv")));
        await().atMost(Duration.ofSeconds(30)).until(() -> events().size() == 2);

        assertThat(events()).extracting(event -> event.get("eventType")).containsOnly("investor.created");
        assertThat(http.getForObject("/actuator/health", String.class)).as("the zest readiness check")
                .containsPattern("\"producer:zest-[^\"]+\":\"UP\"");
    }

    private List<Map<String, String>> events() {
        return http.exchange("/events", HttpMethod.GET, null,
                new ParameterizedTypeReference<List<Map<String, String>>>() { }).getBody();
    }
}
