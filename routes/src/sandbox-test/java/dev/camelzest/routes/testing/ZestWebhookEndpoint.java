package dev.camelzest.routes.testing;

import java.nio.file.Path;

import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.AvailablePortFinder;

/**
 * The connector's own webhook consumer as the events template's source: a platform-http server on a loopback port
 * and a {@code webhook:zest:events} URI that verifies the sandbox's signatures and de-duplicates on eventId.
 */
public final class ZestWebhookEndpoint {

    public static final String SECRET = "whsec_0123456789abcdef0123456789abcdef";
    private static final String PATH = "/zest/webhooks";

    private final int port;
    private final Path dataDirectory;

    private ZestWebhookEndpoint(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory;
    }

    /** Adds the HTTP server and the secret property to a context that is not started yet. */
    public static ZestWebhookEndpoint prepare(CamelContext camel, Path dataDirectory) throws Exception {
        return prepare(camel, dataDirectory, AvailablePortFinder.getNextAvailable());
    }

    /** The same, on a given port: an application restarted where Zest already delivers. */
    public static ZestWebhookEndpoint prepare(CamelContext camel, Path dataDirectory, int port) throws Exception {
        ZestWebhookEndpoint endpoint = new ZestWebhookEndpoint(port, dataDirectory);
        camel.getPropertiesComponent().addInitialProperty("zest.webhook.secret", SECRET);
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(endpoint.port);
        camel.addService(new VertxPlatformHttpServer(server));
        return endpoint;
    }

    /** The events template's source parameter. */
    public String sourceUri() {
        return "webhook:zest:events?webhookComponentName=platform-http&webhookPath=" + PATH
               + "&webhookSecret=RAW({{zest.webhook.secret}})&webhookDataDirectory=" + dataDirectory;
    }

    public int port() {
        return port;
    }

    /** Where the sandbox delivers. */
    public String url() {
        return "http://127.0.0.1:" + port + PATH;
    }
}
