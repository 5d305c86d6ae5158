package dev.camelzest.component.webhook;

import java.net.UnknownHostException;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.PropertiesComponent;

/**
 * Where the webhook endpoint receives, for the start-up log line. The webhook component's own URL comes from the
 * REST configuration, which platform-http applications rarely set ({@code http://0.0.0.0/...}: no port, not the
 * server's host), so the address the HTTP server is bound to is read from the server itself when it is Camel's
 * Vert.x platform-http server (Camel Main's {@code camel.server.*} included), and the external URL is named only
 * when one is configured.
 */
public final class WebhookAddress {

    private static final String VERTX_SERVER = "org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer";

    private WebhookAddress() {
    }

    /**
     * A sentence naming the server's host:port and the path, and the external URL (with the path) when
     * {@code webhookExternalUrl} is configured.
     */
    public static String describe(CamelContext camelContext, WebhookConfiguration webhook) {
        String path = webhook.computeFullPath(false);
        String server = serverAddress(camelContext);
        String where = server != null
                ? "Receiving Zest webhooks on " + server + " at path " + path
                : "Receiving Zest webhooks at path " + path;
        String external = webhook.getWebhookExternalUrl();
        if (external == null || external.isBlank()) {
            return where + "; give Zest the public https URL that reaches it (set webhookExternalUrl to have it logged)";
        }
        try {
            return where + "; give Zest the URL " + webhook.computeFullExternalUrl();
        } catch (UnknownHostException e) {
            // not reached: the host is only resolved when no external URL is configured
            return where + "; give Zest the URL " + external;
        }
    }

    private static String serverAddress(CamelContext camelContext) {
        String running = camelContext.getClassResolver().resolveClass(VERTX_SERVER) == null
                ? null : VertxServers.address(camelContext);
        return running != null ? running : mainServerAddress(camelContext);
    }

    /**
     * Camel Main's own HTTP server (camel-platform-http-main), which is not a context service the lookup above finds:
     * its address is what {@code camel.server.host} and {@code camel.server.port} configure (Camel's defaults when
     * unset).
     */
    static String mainServerAddress(CamelContext camelContext) {
        PropertiesComponent properties = camelContext.getPropertiesComponent();
        if (!Boolean.parseBoolean(properties.resolveProperty("camel.server.enabled").orElse("false"))) {
            return null;
        }
        return properties.resolveProperty("camel.server.host").orElse("0.0.0.0") + ":"
                + properties.resolveProperty("camel.server.port").orElse("8080");
    }

    /** Loaded only when camel-platform-http-vertx is on the classpath. */
    private static final class VertxServers {

        static String address(CamelContext camelContext) {
            Set<VertxPlatformHttpServer> servers = camelContext.hasServices(VertxPlatformHttpServer.class);
            if (servers.size() != 1) {
                return null;
            }
            VertxPlatformHttpServer server = servers.iterator().next();
            String host = server.getHost();
            return (host == null ? "0.0.0.0" : host) + ":" + server.getPort();
        }
    }
}
