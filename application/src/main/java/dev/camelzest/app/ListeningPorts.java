package dev.camelzest.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.vertx.core.net.impl.TCPServerBase;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;

/**
 * The webhook and management ports must be listening once the application says it runs. Camel's HTTP server
 * reports a failed bind only in a log line and carries on without it, so Zest's webhooks would be lost: the
 * ports are tried before Camel starts (one clear line in the usual case) and checked once it has.
 */
final class ListeningPorts {

    static final String WEBHOOK_HOST = "zest.webhook.host";
    static final String WEBHOOK_PORT = "zest.webhook.port";
    static final String MANAGEMENT_HOST = "management.host";
    static final String MANAGEMENT_PORT = "management.port";

    private ListeningPorts() {
    }

    static void checkFree(AppProperties app) {
        checkFree(app, WEBHOOK_HOST, WEBHOOK_PORT);
        checkFree(app, MANAGEMENT_HOST, MANAGEMENT_PORT);
    }

    private static void checkFree(AppProperties app, String hostKey, String portKey) {
        String host = app.get(hostKey, "0.0.0.0");
        int port = Integer.parseInt(app.get(portKey, "0"));
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw cannotListen(host + ":" + port, hostKey + ", " + portKey, e.getMessage());
        }
    }

    static void checkBound(CamelContext camel) {
        for (VertxPlatformHttpServer server : camel.hasServices(VertxPlatformHttpServer.class)) {
            // Vert.x 4's public API has no "is listening"; its server implementation does
            if (!(server.getServer() instanceof TCPServerBase tcp) || !tcp.isListening()) {
                throw cannotListen(server.getHost() + ":" + server.getConfigurationPort(),
                        WEBHOOK_PORT + " or " + MANAGEMENT_PORT, "the server did not bind");
            }
        }
    }

    private static StartupRefused cannotListen(String address, String settings, String reason) {
        return new StartupRefused("cannot listen on " + address + " (" + reason + "): another process holds the"
                + " port, or the address is not this host's; check " + settings);
    }
}
