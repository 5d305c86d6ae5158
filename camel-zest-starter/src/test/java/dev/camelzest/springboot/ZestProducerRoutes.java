package dev.camelzest.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The application routes of the component tests: Zest's webhooks to a mock, investors to bulkCreateInvestors. */
@TestConfiguration
class ZestProducerRoutes {

    @Bean
    RouteBuilder zestRoutes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("webhook:zest:events?webhookAutoRegister=false&webhookComponentName=platform-http"
                     + "&webhookPath=/zest/events").routeId("webhooks").to("mock:events");
                from("direct:investors").routeId("investors").to("zest:bulkCreateInvestors");
            }
        };
    }
}
