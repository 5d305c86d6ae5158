package dev.camelzest.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import dev.camelzest.springboot.testapp.StarterTestApplication;
import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An investor file imported by the route the starter makes from zest.investors.* alone, into the ledger in the
 * application's own DataSource, with the import metrics in /actuator/metrics.
 */
@CamelSpringBootTest
@SpringBootTest(classes = StarterTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:starter-ledger;DB_CLOSE_DELAY=-1",
            "zest.investors.enabled=true",
            "zest.investors.parameters.poll-delay=100",
            "zest.investors.parameters.readLockCheckInterval=200",
            "zest.investors.parameters.batch-size=2" })
class InvestorImportStarterTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    static Path inbox;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        SandboxProperties.register(registry, SANDBOX);
        registry.add("zest.investors.parameters.directory", () -> inbox.toString());
        registry.add("zest.investors.parameters.data-directory", () -> inbox.resolve("data").toString());
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    TestRestTemplate http;

    @Test
    @SuppressWarnings("unchecked")
    void investorFileIsImportedIntoTheLedgerOnTheSpringDataSource() throws IOException {
        assertThat(camelContext.getRoute(InvestorImportTemplates.FILE)).as("the route made from zest.investors.*")
                .isNotNull();
        Path staged = inbox.resolve(".investors.csv.part");
        Files.writeString(staged, """
                partnerInvestorId,email,firstName,lastName,dateOfBirth,countryOfResidence
                sb-001,amira.haddad@example.com,Amira,Haddad,1984-03-12,AE
                sb-002,ben.okafor@example.com,Ben,Okafor,1979-11-02,GB
                sb-003,chen.wei@example.com,Chen,Wei,1990-06-30,SG
                """, StandardCharsets.UTF_8);
        Files.move(staged, inbox.resolve("investors.csv"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/investors.csv")));

        assertThat(jdbc.queryForObject("select count(*) from investors", Integer.class)).isEqualTo(3);
        assertThat(ledger.investors().zestPersonId("sb-002")).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from \"" + Ledger.SHARED_HISTORY_TABLE + "\"", Integer.class))
                .as("the ledger's migrations keep their own history").isPositive();
        assertThat(SANDBOX.admin().requests()).filteredOn(call -> call.path().equals("/v1/investors")).hasSize(2);

        Map<String, Object> rows = http.getForObject("/actuator/metrics/" + ImportMetrics.rowsMeter("investor") + "?tag=status:created",
                Map.class);
        assertThat(rows).containsEntry("name", ImportMetrics.rowsMeter("investor"));
        assertThat(String.valueOf(rows.get("measurements"))).contains("value=3.0");
    }
}
