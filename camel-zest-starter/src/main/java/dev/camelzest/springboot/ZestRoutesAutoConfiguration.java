package dev.camelzest.springboot;

import java.util.Optional;

import javax.sql.DataSource;

import dev.camelzest.component.ZestComponent;
import dev.camelzest.component.webhook.JdbcEventIdRepository;
import dev.camelzest.routes.events.WebhookEventStore;
import dev.camelzest.routes.ledger.Ledger;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The route templates as opt-in features ({@link ZestRoutesProperties}); nothing here exists until a
 * {@code zest.<feature>.enabled} is true. The ledger is then kept in the application's own {@code DataSource},
 * migrated by the ledger's Flyway scripts with their own history table (after Spring Boot's Flyway has run the
 * application's migrations, when it has any).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class, afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration" })
@ConditionalOnBean(CamelContext.class)
@ConditionalOnExpression(ZestRoutesAutoConfiguration.ANY_FEATURE_ENABLED)
@EnableConfigurationProperties(ZestRoutesProperties.class)
public class ZestRoutesAutoConfiguration {

    /** The ledger bean name the templates look up by default (their {@code ledger} parameter). */
    static final String LEDGER = "zestLedger";

    static final String ANY_FEATURE_ENABLED = "${zest.investors.enabled:false} or ${zest.subscriptions.enabled:false}"
            + " or ${zest.documents.enabled:false} or ${zest.spv-requests.enabled:false}"
            + " or ${zest.events.enabled:false}";

    @Bean
    @ConditionalOnMissingBean(name = "zestTemplatedRoutes")
    RoutesBuilder zestTemplatedRoutes(ZestRoutesProperties properties) {
        return new ZestTemplatedRoutes(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.jdbc.core.JdbcTemplate")
    @ConditionalOnSingleCandidate(DataSource.class)
    static class LedgerOnDataSource {

        @Bean(name = LEDGER, destroyMethod = "")
        @ConditionalOnMissingBean(name = LEDGER)
        Ledger zestLedger(DataSource dataSource) {
            return Ledger.onSharedDataSource(dataSource);
        }

        /**
         * The events feature on the ledger's database: the webhook event ids go there too when {@code
         * zest.webhook.event-store} says jdbc, or when unset and the database is PostgreSQL (several replicas share
         * it; see {@link WebhookEventStore}). The zest component then uses that store unless {@code
         * camel.component.zest.idempotent-repository} names another; Camel starts and stops it.
         */
        @Bean
        @ConditionalOnProperty(name = "zest.events.enabled", havingValue = "true")
        @ConditionalOnMissingBean(name = "zestSharedEventStore")
        ComponentCustomizer zestSharedEventStore(CamelContext camelContext, @Qualifier(LEDGER) Ledger ledger,
                                                 Environment environment) {
            return ComponentCustomizer.forType(ZestComponent.class, component -> {
                if (component.getConfiguration().getIdempotentRepository() != null) {
                    return;
                }
                Optional<JdbcEventIdRepository> shared = WebhookEventStore.choose(
                        key -> Optional.ofNullable(environment.getProperty(key)), ledger.dataSource());
                if (shared.isPresent()) {
                    camelContext.addService(shared.get());
                    component.getConfiguration().setIdempotentRepository(shared.get());
                }
            });
        }
    }
}
