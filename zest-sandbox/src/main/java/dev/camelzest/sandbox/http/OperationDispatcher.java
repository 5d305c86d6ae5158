package dev.camelzest.sandbox.http;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import dev.camelzest.sandbox.SandboxSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs every operation the same way: injected fault (before commit) → on a worker thread: bearer auth →
 * OpenAPI validation → the handler → injected fault (after commit) and delay → the answer, recorded in
 * the request log. Handlers run on the worker pool so that JSON work of concurrent calls uses all cores
 * and never blocks the event loop. Above {@link SandboxSettings#maxConcurrentCalls()} partner calls in progress
 * (until answered, any injected delay included), a partner call is answered 429 with {@code Retry-After}.
 */
public final class OperationDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(OperationDispatcher.class);

    private final Vertx vertx;
    private final Clock clock;
    private final BearerAuthenticator authenticator;
    private final OpenApiValidation validation;
    private final Faults faults;
    private final RequestLog requestLog;
    private final SandboxSettings settings;
    private final AtomicInteger partnerCallsInProgress = new AtomicInteger();

    /** Seconds a partner call refused over the concurrency limit is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 1;
    private static final String COUNTED = "sandbox.countedCall";

    public OperationDispatcher(Vertx vertx, Clock clock, BearerAuthenticator authenticator,
                               OpenApiValidation validation, Faults faults, RequestLog requestLog,
                               SandboxSettings settings) {
        this.vertx = vertx;
        this.clock = clock;
        this.authenticator = authenticator;
        this.validation = validation;
        this.faults = faults;
        this.requestLog = requestLog;
        this.settings = settings;
    }

    public Handler<RoutingContext> handlerFor(Access access, BodyValidation bodyValidation, ApiHandler handler) {
        return ctx -> dispatch(ctx, access, bodyValidation, handler);
    }

    private void dispatch(RoutingContext ctx, Access access, BodyValidation bodyValidation, ApiHandler handler) {
        ApiRequest request = new ApiRequest(ctx, clock.instant());
        if (access == Access.PARTNER && !enterPartnerCall(ctx)) {
            ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            write(request, access, ApiResponse.error(ApiException.rateLimited("More than "
                    + settings.maxConcurrentCalls() + " calls at once; retry after " + RETRY_AFTER_SECONDS + " s.")));
            return;
        }
        Optional<Fault> fault = access.recorded()
                ? faults.take(ctx.request().method().name(), request.path())
                : Optional.empty();
        if (fault.isPresent() && fault.get().replacesAnswer() && !fault.get().afterCommit()) {
            send(request, access, ApiResponse.error(fault.get().error()), fault.get().delayMs());
            return;
        }
        vertx.executeBlocking(() -> process(request, access, bodyValidation, handler), false)
                .onComplete(result -> {
                    ApiResponse response = result.succeeded() ? result.result() : unexpected(result.cause());
                    long delayMs = 0;
                    if (fault.isPresent()) {
                        delayMs = fault.get().delayMs();
                        if (fault.get().replacesAnswer()) {
                            response = ApiResponse.error(fault.get().error());
                        }
                    }
                    send(request, access, response, delayMs);
                });
    }

    /** Counts a partner call in, until {@link #write} answers it; false (not counted) at the concurrency limit. */
    private boolean enterPartnerCall(RoutingContext ctx) {
        int max = settings.maxConcurrentCalls();
        if (partnerCallsInProgress.incrementAndGet() > max && max > 0) {
            partnerCallsInProgress.decrementAndGet();
            return false;
        }
        ctx.put(COUNTED, Boolean.TRUE);
        return true;
    }

    private ApiResponse process(ApiRequest request, Access access, BodyValidation bodyValidation,
                                ApiHandler handler) {
        try {
            if (access.requiresBearer()) {
                authenticator.authenticate(request, access);
            }
            if (access.validatedAgainstOpenApi()) {
                validation.validate(request, bodyValidation);
            }
            return handler.handle(request);
        } catch (ApiException e) {
            return ApiResponse.error(e);
        } catch (RuntimeException e) {
            return unexpected(e);
        }
    }

    /** Answers a request the HTTP layer could not route or read (404 fallback, body too large, ...). */
    public void fail(RoutingContext ctx, ApiException error, boolean recorded) {
        send(new ApiRequest(ctx, clock.instant()), recorded ? Access.PUBLIC : Access.ADMIN,
                ApiResponse.error(error), 0);
    }

    private ApiResponse unexpected(Throwable failure) {
        LOG.error("Unexpected failure in an operation", failure);
        return ApiResponse.error(ApiException.internalError("Unexpected error."));
    }

    private void send(ApiRequest request, Access access, ApiResponse response, long delayMs) {
        if (delayMs > 0) {
            vertx.setTimer(delayMs, id -> write(request, access, response));
        } else {
            write(request, access, response);
        }
    }

    private void write(ApiRequest request, Access access, ApiResponse response) {
        if (request.routingContext().remove(COUNTED) != null) {
            partnerCallsInProgress.decrementAndGet();
        }
        if (access.recorded()) {
            requestLog.record(new RecordedCall(request.method().name(), request.path(),
                    request.idempotencyKey().orElse(null), response.status(), request.clientId(),
                    request.receivedAt(), request.header("traceparent").orElse(null)));
        }
        HttpServerResponse http = request.routingContext().response();
        if (http.ended() || http.closed()) {
            return;
        }
        http.setStatusCode(response.status());
        if (response.contentType() != null) {
            http.putHeader("Content-Type", response.contentType());
        }
        http.end(Buffer.buffer(response.body()));
    }
}
