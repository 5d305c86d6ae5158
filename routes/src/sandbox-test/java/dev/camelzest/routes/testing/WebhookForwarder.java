package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Stands in for the zest: webhook consumer in these tests: takes the sandbox's webhook POSTs on loopback and hands
 * their raw bodies to a Camel endpoint, answering 200 when the exchange succeeded and 500 when it failed. It does
 * not verify signatures; the consumer does.
 */
public final class WebhookForwarder implements AutoCloseable {

    private final HttpServer server;
    private final ProducerTemplate producer;
    private final String endpointUri;

    private WebhookForwarder(HttpServer server, ProducerTemplate producer, String endpointUri) {
        this.server = server;
        this.producer = producer;
        this.endpointUri = endpointUri;
    }

    public static WebhookForwarder start(ProducerTemplate producer, String endpointUri) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            WebhookForwarder forwarder = new WebhookForwarder(server, producer, endpointUri);
            server.createContext("/zest/webhooks", forwarder::handle);
            server.start();
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handle(HttpExchange http) throws IOException {
        byte[] body = http.getRequestBody().readAllBytes();
        Exchange exchange = producer.send(endpointUri, e -> e.getMessage().setBody(body));
        http.sendResponseHeaders(exchange.isFailed() ? 500 : 200, -1);
        http.close();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/zest/webhooks";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
