package dev.camelzest.sandbox.webhook;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Makes one delivery attempt: POSTs a signed body and reports the status code or why no response came.
 *
 * <p>Vert.x's HttpClient rather than java.net.http: the sandbox already runs on Vert.x, so attempts are
 * non-blocking on its event loops (no thread per delivery, no extra executor), share a pool of keep-alive
 * connections, and their deadlines are Vert.x timers like the retry schedule's.
 */
final class WebhookSender implements AutoCloseable {

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    WebhookSender(Vertx vertx, int maxConnections, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setConnectTimeout((int) Math.min(timeoutMillis, Integer.MAX_VALUE)),
                new PoolOptions().setHttp1MaxSize(maxConnections));
    }

    /**
     * POSTs {@code body} to {@code url}. Never fails: a connection error or a response slower than the
     * timeout (Zest: 10 s, headers and body together) is reported as an {@link AttemptResult} without status.
     */
    Future<AttemptResult> post(String url, String signature, Buffer body) {
        Promise<AttemptResult> outcome = Promise.promise();
        AtomicReference<HttpClientRequest> request = new AtomicReference<>();
        long deadline = vertx.setTimer(timeoutMillis, id -> {
            if (outcome.tryComplete(AttemptResult.failure("no response within " + timeoutMillis + " ms"))) {
                HttpClientRequest sent = request.get();
                if (sent != null) {
                    sent.reset();
                }
            }
        });
        RequestOptions options;
        try {
            options = new RequestOptions()
                    .setMethod(HttpMethod.POST)
                    .setAbsoluteURI(url)
                    .setIdleTimeout(timeoutMillis)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(WebhookSigner.HEADER, signature);
        } catch (RuntimeException e) {
            vertx.cancelTimer(deadline);
            return Future.succeededFuture(AttemptResult.failure("invalid URL: " + e.getMessage()));
        }
        client.request(options)
                .compose(sent -> {
                    request.set(sent);
                    return sent.send(body);
                })
                .compose(response -> response.end().map(done -> response.statusCode()))
                .onComplete(result -> {
                    vertx.cancelTimer(deadline);
                    outcome.tryComplete(result.succeeded()
                            ? AttemptResult.status(result.result())
                            : AttemptResult.failure(describe(result.cause())));
                });
        return outcome.future();
    }

    private static String describe(Throwable failure) {
        if (failure instanceof ConnectException) {
            return "connection failed: " + failure.getMessage();
        }
        if (failure instanceof TimeoutException) {
            return "timeout: " + failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    @Override
    public void close() {
        client.close();
    }

    /** What one attempt came to: an HTTP status, or no response and why. */
    record AttemptResult(Integer statusCode, String error) {

        static AttemptResult status(int statusCode) {
            return new AttemptResult(statusCode, statusCode >= 300 ? "HTTP " + statusCode : null);
        }

        static AttemptResult failure(String error) {
            return new AttemptResult(null, error);
        }

        /** Zest counts any status >= 300, a connection failure and a timeout as failed. */
        boolean succeeded() {
            return error == null;
        }
    }
}
