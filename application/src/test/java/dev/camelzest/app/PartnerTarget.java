package dev.camelzest.app;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The partner's HTTP callback on loopback: counts the deliveries of each eventId the replicas make to it. */
final class PartnerTarget implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    private PartnerTarget(HttpServer server) {
        this.server = server;
    }

    static PartnerTarget start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        PartnerTarget target = new PartnerTarget(server);
        server.createContext("/events", target::receive);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
        return target;
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/events";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            JsonNode event = JSON.readTree(body.readNBytes(1 << 20));
            deliveries.computeIfAbsent(event.path("eventId").asText(), id -> new AtomicInteger()).incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    /** How many times each eventId was delivered. */
    Map<String, Integer> deliveries() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        deliveries.forEach((id, count) -> counts.put(id, count.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
