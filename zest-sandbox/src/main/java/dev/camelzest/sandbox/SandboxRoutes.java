package dev.camelzest.sandbox;

import static io.vertx.core.http.HttpMethod.GET;
import static io.vertx.core.http.HttpMethod.POST;

import dev.camelzest.sandbox.admin.RegisterPartner;
import dev.camelzest.sandbox.auth.ExchangeToken;
import dev.camelzest.sandbox.auth.GetTokenInfo;
import dev.camelzest.sandbox.http.Operations;

/** Every operation the sandbox serves, in one list: one line per operation, one handler class each. */
final class SandboxRoutes {

    private SandboxRoutes() {
    }

    static void mount(Operations operations, SandboxContext context) {
        // Authentication
        operations.open(POST, "/v1/oauth2/tokens", new ExchangeToken(context));
        operations.token(GET, "/v1/oauth2/info", new GetTokenInfo(context));

        // The sandbox's admin API
        operations.admin(POST, "/sandbox/partners", new RegisterPartner(context));
    }
}
