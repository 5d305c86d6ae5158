package dev.camelzest.sandbox.webhook;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * PUT /sandbox/webhooks {url?, secret?, timeScale?, duplicate?, shuffle?}: changes the delivery settings
 * and answers those in force (without the secret). Absent fields keep their value; {@code "url": null}
 * removes the URL, so that deliveries stay pending until one is set again. Unknown fields are refused,
 * so that a misspelt option cannot silently do nothing.
 */
record UpdateWebhookSettings(WebhookOutbox outbox) implements Handler<RoutingContext> {

    private static final List<String> FIELDS = List.of("url", "secret", "timeScale", "duplicate", "shuffle");

    @Override
    public void handle(RoutingContext ctx) {
        JsonNode body;
        try {
            body = ctx.body().length() == 0 ? null : WebhookJson.mapper().readTree(ctx.body().buffer().getBytes());
        } catch (IOException e) {
            AdminReplies.invalidRequest(ctx, "The body is not valid JSON.");
            return;
        }
        if (body == null || !body.isObject()) {
            AdminReplies.invalidRequest(ctx, "The body must be a JSON object.");
            return;
        }
        WebhookSettings updated;
        try {
            updated = merge(outbox.settings(), body);
        } catch (IllegalArgumentException e) {
            AdminReplies.invalidRequest(ctx, e.getMessage() + ".");
            return;
        }
        outbox.configure(updated);
        AdminReplies.json(ctx, 200, AdminReplies.view(updated));
    }

    private static WebhookSettings merge(WebhookSettings current, JsonNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + "; the fields are " + FIELDS);
            }
        }
        String url = body.has("url") ? text(body, "url") : current.url();
        String secret = body.has("secret") ? text(body, "secret") : current.secret();
        double timeScale = body.has("timeScale") ? number(body, "timeScale") : current.timeScale();
        boolean duplicate = body.has("duplicate") ? bool(body, "duplicate") : current.duplicate();
        boolean shuffle = body.has("shuffle") ? bool(body, "shuffle") : current.shuffle();
        return new WebhookSettings(url, secret, timeScale, duplicate, shuffle);
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string or null");
        }
        return value.textValue();
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return value.doubleValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (!value.isBoolean()) {
            throw new IllegalArgumentException(field + " must be true or false");
        }
        return value.booleanValue();
    }
}
