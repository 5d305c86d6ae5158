package dev.camelzest.sandbox.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;

/**
 * Mounts operations on the sandbox's router. Paths are written as in the OpenAPI document
 * ({@code /v1/spv-requests/{slug}}); the names in braces are the handler's path parameters.
 *
 * <pre>{@code
 * operations.partner(HttpMethod.POST, "/v1/spv-requests", idempotency.required(new CreateSpvRequest(context)));
 * }</pre>
 */
public final class Operations {

    private static final Pattern TEMPLATE_PARAMETER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

    private final Router router;
    private final OperationDispatcher dispatcher;

    public Operations(Router router, OperationDispatcher dispatcher) {
        this.router = router;
        this.dispatcher = dispatcher;
    }

    /** A Zest business operation: bearer token of a provisioned partner, OpenAPI-validated. */
    public Operations partner(HttpMethod method, String path, ApiHandler handler) {
        return mount(method, path, Access.PARTNER, BodyValidation.OPENAPI_SCHEMA, handler);
    }

    /** A Zest business operation whose body the handler checks itself (per-row answers). */
    public Operations partner(HttpMethod method, String path, BodyValidation bodyValidation, ApiHandler handler) {
        return mount(method, path, Access.PARTNER, bodyValidation, handler);
    }

    /** A Zest operation that needs a bearer token but no provisioning (token introspection). */
    public Operations token(HttpMethod method, String path, ApiHandler handler) {
        return mount(method, path, Access.TOKEN, BodyValidation.OPENAPI_SCHEMA, handler);
    }

    /** A Zest operation without auth (system, contracts, token exchange), OpenAPI-validated. */
    public Operations open(HttpMethod method, String path, ApiHandler handler) {
        return mount(method, path, Access.PUBLIC, BodyValidation.OPENAPI_SCHEMA, handler);
    }

    /** An operation of the sandbox's admin API (under /sandbox/, no auth, not in the OpenAPI document). */
    public Operations admin(HttpMethod method, String path, ApiHandler handler) {
        if (!path.startsWith("/sandbox/")) {
            throw new IllegalArgumentException("admin operations live under /sandbox/: " + path);
        }
        return mount(method, path, Access.ADMIN, BodyValidation.HANDLER, handler);
    }

    public Operations mount(HttpMethod method, String path, Access access, BodyValidation bodyValidation,
                            ApiHandler handler) {
        router.route(method, toVertxPath(path)).handler(dispatcher.handlerFor(access, bodyValidation, handler));
        return this;
    }

    /** {@code /v1/spvs/{spv_slug}/subscriptions} to Vert.x's {@code /v1/spvs/:spv_slug/subscriptions}. */
    static String toVertxPath(String openApiPath) {
        Matcher matcher = TEMPLATE_PARAMETER.matcher(openApiPath);
        return matcher.replaceAll(match -> ":" + Matcher.quoteReplacement(match.group(1)));
    }
}
