package dev.camelzest.component.webhook;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;

/** The platform-http server webhook tests receive on: Vert.x, on a loopback port. */
public final class WebhookServers {

    /** The URI options every test's webhook:zest:events endpoint shares. */
    public static final String WEBHOOK_OPTIONS = "webhookComponentName=platform-http&webhookPath=/zest/events"
                                                 + "&webhookSecret=RAW({{zest.webhook.secrets}})";

    private WebhookServers() {
    }

    /**
     * Adds the server, and the secrets as the property {@code zest.webhook.secrets}: routes name them as a
     * placeholder, as users should, because Camel prints route definitions unmasked at DEBUG.
     */
    public static void prepare(CamelContext camelContext, int port, String secrets) {
        camelContext.getPropertiesComponent().addInitialProperty("zest.webhook.secrets", secrets);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        try {
            camelContext.addService(new VertxPlatformHttpServer(server));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
