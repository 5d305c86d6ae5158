package dev.camelzest.sandbox.webhook;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** GET /sandbox/deliveries[?status=pending|delivered|dead]: the deliveries, oldest first. */
record ListDeliveries(WebhookOutbox outbox) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        String status = ctx.request().getParam("status");
        DeliveryStatus filter;
        try {
            filter = status == null ? null : DeliveryStatus.fromJson(status);
        } catch (IllegalArgumentException e) {
            AdminReplies.invalidRequest(ctx, e.getMessage() + ".");
            return;
        }
        AdminReplies.json(ctx, 200, outbox.deliveries(filter));
    }
}
