package dev.camelzest.sandbox.webhook;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The webhook part of the sandbox's admin API, outside Zest's API, no auth, JSON:
 * <ul>
 * <li>{@code GET /sandbox/deliveries[?status=pending|delivered|dead]} — the deliveries, oldest first</li>
 * <li>{@code GET /sandbox/deliveries/{id}} — one delivery</li>
 * <li>{@code POST /sandbox/deliveries/{id}/replay} — a new cycle of attempts, same eventId and body</li>
 * <li>{@code GET /sandbox/webhooks} and {@code PUT /sandbox/webhooks {url, secret, timeScale, duplicate, shuffle}}</li>
 * </ul>
 * Errors use the Zest envelope {@code {code, detail, errorId}}.
 */
public final class WebhookAdminRoutes {

    private static final long SETTINGS_BODY_LIMIT_BYTES = 64 * 1024;

    private WebhookAdminRoutes() {
    }

    /** Mount before any catch-all route of the router. */
    public static void mount(Router router, WebhookOutbox outbox) {
        router.get("/sandbox/deliveries").handler(new ListDeliveries(outbox));
        router.get("/sandbox/deliveries/:id").handler(new GetDelivery(outbox));
        router.post("/sandbox/deliveries/:id/replay").handler(new ReplayDelivery(outbox));
        router.get("/sandbox/webhooks").handler(new GetWebhookSettings(outbox));
        // a no-op when the router already reads bodies for every route
        router.put("/sandbox/webhooks")
                .handler(BodyHandler.create(false).setBodyLimit(SETTINGS_BODY_LIMIT_BYTES))
                .handler(new UpdateWebhookSettings(outbox));
    }
}
