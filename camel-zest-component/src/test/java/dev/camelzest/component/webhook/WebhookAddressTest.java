package dev.camelzest.component.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class WebhookAddressTest {

    @Test
    void camelMainsServerIsNamedByTheHostAndPortItIsConfiguredWith() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("camel.server.enabled", "true");
            camel.getPropertiesComponent().addInitialProperty("camel.server.host", "127.0.0.1");
            camel.getPropertiesComponent().addInitialProperty("camel.server.port", "8088");

            assertEquals("127.0.0.1:8088", WebhookAddress.mainServerAddress(camel));
        }
    }

    @Test
    void noAddressIsGuessedWhenCamelMainsServerIsNotEnabled() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getPropertiesComponent().addInitialProperty("camel.server.port", "8088");

            assertNull(WebhookAddress.mainServerAddress(camel));
        }
    }
}
