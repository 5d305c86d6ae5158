package dev.camelzest.springboot;

import java.time.Duration;

import javax.sql.DataSource;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.webhook.JdbcEventIdRepository;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the starter does without being asked (nothing but binding options), and how it refuses a half setup. */
class ZestAutoConfigurationStarterTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, ZestComponentAutoConfiguration.class,
                    ZestRoutesAutoConfiguration.class))
            .withPropertyValues("camel.main.name=starter-test", "camel.component.zest.base-url=http://127.0.0.1:9");

    @Test
    void withNoFeatureEnabledThereIsNoRouteNoLedgerAndNoTableInTheApplicationsDatabase() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:untouched;DB_CLOSE_DELAY=-1")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ZestRoutesAutoConfiguration.LEDGER);
                    assertThat(context).doesNotHaveBean(ZestRoutesProperties.class);
                    assertThat(context.getBean(CamelContext.class).getRoutes()).isEmpty();
                    assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                            "select count(*) from information_schema.tables where table_schema = 'PUBLIC'",
                            Integer.class)).isZero();
                });
    }

    @Test
    void templateParametersAreTakenInCamelCaseAndKebabCase() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:parameters;DB_CLOSE_DELAY=-1",
                        "zest.investors.enabled=true", "zest.investors.route-id=partner-investors",
                        "zest.investors.parameters.directory=target/test-data/parameters",
                        "zest.investors.parameters.readLockCheckInterval=250",
                        "zest.investors.parameters.poll-delay=750")
                .run(context -> assertThat(context.getBean(CamelContext.class).getRoute("partner-investors")
                        .getEndpoint().getEndpointUri()).contains("readLockCheckInterval=250").contains("delay=750"));
    }

    @Test
    void anEnabledFeatureWithoutADatabaseFailsTheStartInsteadOfOpeningAnEmbeddedOne() {
        runner.withPropertyValues("zest.investors.enabled=true", "zest.investors.parameters.directory=target/none")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("zest.investors needs the ledger bean 'zestLedger'"));
    }

    @Test
    void anUnknownTemplateIsRefusedWithTheChoices() {
        runner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=jdbc:h2:mem:templates;DB_CLOSE_DELAY=-1",
                        "zest.events.enabled=true", "zest.events.template=ftp")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("zest.events.template=ftp is not one of"));
    }

    @Test
    void aBeanOptionTakesANamedBeanAndNothingElse() {
        runner.withBean("eventIds", IdempotentRepository.class, MemoryIdempotentRepository::new)
                .withPropertyValues("camel.component.zest.idempotent-repository=#bean:eventIds")
                .run(context -> assertThat(context.getBean(CamelContext.class).getComponent("zest", ZestComponent.class)
                        .getConfiguration().getIdempotentRepository()).isSameAs(context.getBean("eventIds")));
        runner.withPropertyValues("camel.component.zest.idempotent-repository=eventIds")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("takes a bean reference"));
    }

    @Test
    void theEventsFeatureKeepsWebhookEventIdsInTheLedgerWhenAskedTo() {
        ApplicationContextRunner events = runner
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
                .withPropertyValues("zest.events.enabled=true", "zest.events.parameters.source=direct:zest-events",
                        "zest.events.parameters.deadLetterDirectory=target/test-data/dead-letter");
        events.withPropertyValues("spring.datasource.url=jdbc:h2:mem:file-store;DB_CLOSE_DELAY=-1")
                .run(context -> assertThat(eventStore(context)).as("H2: the endpoint's own file").isNull());
        events.withPropertyValues("spring.datasource.url=jdbc:h2:mem:jdbc-store;DB_CLOSE_DELAY=-1",
                        "zest.webhook.event-store=jdbc", "zest.webhook.claim-lease=2m")
                .run(context -> {
                    assertThat(context).hasBean("zestSharedEventStore");
                    JdbcEventIdRepository store = (JdbcEventIdRepository) eventStore(context);
                    assertThat(store.getLease()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(store.isStarted()).isTrue();
                    assertThat(store.add("wde_1")).isTrue();
                    assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
                            "select count(*) from zest_webhook_event_ids", Integer.class)).isOne();
                });
    }

    private static IdempotentRepository eventStore(ApplicationContext context) {
        return context.getBean(CamelContext.class).getComponent("zest", ZestComponent.class).getConfiguration()
                .getIdempotentRepository();
    }

    @Test
    void theBindingCanBeSwitchedOff() {
        runner.withPropertyValues("camel.component.zest.enabled=false")
                .run(context -> {
                    assertThat(context).doesNotHaveBean("configureZestComponent");
                    assertThat(context.getBean(CamelContext.class).getComponent("zest", ZestComponent.class)
                            .getConfiguration().getBaseUrl()).isEqualTo("https://api.zestequity.com");
                });
    }
}
