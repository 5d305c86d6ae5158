package dev.camelzest.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** A client that finds the sandbox's port open gets its answers: the routes are mounted before it listens. */
class StartListeningTest {

    @Test
    void theSandboxNeverAnswers404OnItsOwnRoutesWhileStarting() throws Exception {
        int port = freePort();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/sandbox/webhooks"))
                .timeout(Duration.ofSeconds(5)).build();
        Set<Integer> statuses = ConcurrentHashMap.newKeySet();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                try {
                    statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
                } catch (IOException e) {
                    // not listening yet
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "poller");
        poller.start();
        try {
            for (int start = 0; start < 5; start++) {
                ZestSandbox sandbox = ZestSandbox.builder().port(port).build().start();
                sandbox.close();
            }
        } finally {
            polling.set(false);
            poller.join(10_000);
        }
        assertThat(statuses).doesNotContain(404);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
