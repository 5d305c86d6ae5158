package dev.camelzest.springboot;

import dev.camelzest.component.ZestComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * Binds {@code camel.component.zest.*} onto the zest component through its generated configurer, when Camel creates
 * the component (nothing is created or started here). {@code camel.component.zest.enabled=false} switches the binding
 * off; {@code camel.component.zest.customizer.enabled=false} too, as in every camel-spring-boot starter.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@ConditionalOnBean(CamelContext.class)
@ConditionalOnProperty(name = "camel.component.zest.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ZestComponentConfiguration.class)
public class ZestComponentAutoConfiguration {

    @Bean
    @ConfigurationPropertiesBinding
    @ConditionalOnMissingBean(ZestComponentConverter.class)
    static ZestComponentConverter zestComponentConverter(ApplicationContext applicationContext) {
        return new ZestComponentConverter(applicationContext);
    }

    @Lazy
    @Bean
    @ConditionalOnMissingBean(name = "configureZestComponent")
    ComponentCustomizer configureZestComponent(CamelContext camelContext, ZestComponentConfiguration configuration,
            ApplicationContext applicationContext) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(camelContext, configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return target instanceof ZestComponent && HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.zest.customizer");
            }
        };
    }
}
