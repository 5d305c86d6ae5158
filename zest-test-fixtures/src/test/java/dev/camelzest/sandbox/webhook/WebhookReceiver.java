package dev.camelzest.sandbox.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on loopback for tests: checks every call's Zest-Signature on its own
 * (the documented algorithm, not the sandbox's signer), records the calls, and answers with the status
 * it is told to, optionally after a delay.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One received call. */
    public record Call(String body, String signature, String contentType, boolean signatureValid, long receivedNanos) {
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(32);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** The next {@code count} calls answer {@code status}; the later ones 200. */
    WebhookReceiver failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
        return this;
    }

    WebhookReceiver failAlways(int status) {
        return failNext(Integer.MAX_VALUE, status);
    }

    WebhookReceiver succeed() {
        failuresLeft.set(0);
        return this;
    }

    /** Answers only after {@code pause} (or when the receiver closes). */
    WebhookReceiver delay(Duration pause) {
        delay = pause;
        return this;
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    public List<String> bodies() {
        return calls.stream().map(Call::body).toList();
    }

    int maxConcurrent() {
        return maxConcurrent.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            int status;
            int now = concurrent.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                byte[] body = in.readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst("Zest-Signature");
                calls.add(new Call(new String(body, StandardCharsets.UTF_8), signature,
                        exchange.getRequestHeaders().getFirst("Content-Type"), verify(signature, body), System.nanoTime()));
                pause();
                status = failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0 ? failureStatus : 200;
            } finally {
                // before answering: the sender may start its next attempt as soon as the answer arrives
                concurrent.decrementAndGet();
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                released.await(delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The docs' algorithm: parse t and v1, 300 s window, HMAC-SHA256 of "t.body", constant-time compare. */
    private boolean verify(String header, byte[] body) {
        if (header == null) {
            return false;
        }
        String t = null;
        String v1 = null;
        for (String segment : header.split(",")) {
            String[] pair = segment.trim().split("=", 2);
            if (pair.length != 2) {
                return false;
            }
            if (pair[0].equals("t")) {
                t = pair[1];
            } else if (pair[0].equals("v1")) {
                v1 = pair[1];
            }
        }
        if (t == null || v1 == null || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(t)) > 300) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signed = new byte[t.length() + 1 + body.length];
            System.arraycopy((t + ".").getBytes(StandardCharsets.US_ASCII), 0, signed, 0, t.length() + 1);
            System.arraycopy(body, 0, signed, t.length() + 1, body.length);
            byte[] expected = HexFormat.of().formatHex(mac.doFinal(signed)).getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected, v1.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        executor.shutdownNow();
    }
}
