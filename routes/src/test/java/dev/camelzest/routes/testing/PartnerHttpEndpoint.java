package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The partner's own system: an HTTP endpoint on loopback that records every event body it accepts. It can refuse
 * (HTTP 503) the next n requests, or all of them until told otherwise.
 */
public final class PartnerHttpEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();

    private PartnerHttpEndpoint(HttpServer server) {
        this.server = server;
    }

    public static PartnerHttpEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            PartnerHttpEndpoint endpoint = new PartnerHttpEndpoint(server);
            server.createContext("/", endpoint::handle);
            server.start();
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean refuse = refusals.getAndUpdate(n -> n > 0 && n != Integer.MAX_VALUE ? n - 1 : n) > 0;
        if (!refuse) {
            accepted.add(body);
        }
        exchange.sendResponseHeaders(refuse ? 503 : 200, -1);
        exchange.close();
    }

    /** The Camel URI of this endpoint. */
    public String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/zest-events";
    }

    public void refuseNext(int count) {
        refusals.set(count);
    }

    public void refuseAll() {
        refusals.set(Integer.MAX_VALUE);
    }

    public void acceptAll() {
        refusals.set(0);
    }

    public List<String> accepted() {
        return List.copyOf(accepted);
    }

    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
