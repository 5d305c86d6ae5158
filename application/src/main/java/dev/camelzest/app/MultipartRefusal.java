package dev.camelzest.app;

import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.CamelContext;
import org.apache.camel.StartupListener;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpRouter;

/**
 * Zest delivers webhooks as JSON; nothing on the webhook port takes a file. Camel's HTTP server still hands a
 * multipart body to Vert.x's upload handling, which writes its parts to disk ({@code camel.server.file-upload-enabled=false}
 * leaves Vert.x's own default on in Camel 4.18), so an unauthenticated sender could fill the disk. Multipart
 * requests are answered 415 before any part is read, ahead of every route on the server.
 */
final class MultipartRefusal implements StartupListener {

    private final int webhookPort;

    MultipartRefusal(int webhookPort) {
        this.webhookPort = webhookPort;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        VertxPlatformHttpRouter router = VertxPlatformHttpRouter.lookup(context,
                VertxPlatformHttpRouter.getRouterNameFromPort(webhookPort));
        if (router != null) {
            router.route().order(Integer.MIN_VALUE).handler(MultipartRefusal::refuseMultipart);
        }
    }

    private static void refuseMultipart(RoutingContext request) {
        String contentType = request.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            request.response().setStatusCode(415).putHeader(HttpHeaders.CONNECTION, "close").end();
        } else {
            request.next();
        }
    }
}
