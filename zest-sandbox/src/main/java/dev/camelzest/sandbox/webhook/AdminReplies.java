package dev.camelzest.sandbox.webhook;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes the webhook admin API's answers: JSON, and errors in the Zest envelope {code, detail, errorId}. */
final class AdminReplies {

    private AdminReplies() {
    }

    static void json(RoutingContext ctx, int status, Object body) {
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(WebhookJson.write(body));
    }

    static void error(RoutingContext ctx, int status, String code, String detail) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("detail", detail);
        envelope.put("errorId", UUID.randomUUID().toString());
        json(ctx, status, envelope);
    }

    static void invalidRequest(RoutingContext ctx, String detail) {
        error(ctx, 400, "invalid_request", detail);
    }

    static void notFound(RoutingContext ctx, String detail) {
        error(ctx, 404, "not_found", detail);
    }

    static void conflict(RoutingContext ctx, String detail) {
        error(ctx, 409, "conflict", detail);
    }

    /** The settings as the admin API shows them: whether a secret is set, never the secret. */
    static Map<String, Object> view(WebhookSettings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("url", settings.url());
        view.put("secretConfigured", settings.secret() != null);
        view.put("timeScale", settings.timeScale());
        view.put("duplicate", settings.duplicate());
        view.put("shuffle", settings.shuffle());
        return view;
    }
}
