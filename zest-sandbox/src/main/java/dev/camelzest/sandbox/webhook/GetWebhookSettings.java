package dev.camelzest.sandbox.webhook;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** GET /sandbox/webhooks: the delivery settings in force, without the secret. */
record GetWebhookSettings(WebhookOutbox outbox) implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        AdminReplies.json(ctx, 200, AdminReplies.view(outbox.settings()));
    }
}
