package dev.camelzest.sandbox.webhook;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** GET /sandbox/deliveries/{id}: one delivery, 404 when unknown. */
record GetDelivery(WebhookOutbox outbox) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        outbox.delivery(id).ifPresentOrElse(
                delivery -> AdminReplies.json(ctx, 200, delivery),
                () -> AdminReplies.notFound(ctx, "No webhook delivery " + id + "."));
    }
}
