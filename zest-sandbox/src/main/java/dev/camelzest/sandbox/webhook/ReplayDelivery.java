package dev.camelzest.sandbox.webhook;

import java.util.NoSuchElementException;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * POST /sandbox/deliveries/{id}/replay: a new cycle of attempts with the same eventId and body; answers
 * the re-queued delivery. 404 for an unknown id, 409 while the delivery is still pending.
 */
record ReplayDelivery(WebhookOutbox outbox) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        try {
            AdminReplies.json(ctx, 200, outbox.replay(ctx.pathParam("id")));
        } catch (NoSuchElementException e) {
            AdminReplies.notFound(ctx, e.getMessage());
        } catch (IllegalStateException e) {
            AdminReplies.conflict(ctx, e.getMessage());
        }
    }
}
