package dev.camelzest.component.operation;

import dev.camelzest.component.auth.TokenExchange;
import dev.camelzest.component.http.ZestResponse;

/**
 * {@code POST /v1/oauth2/tokens} on demand: a new token for the caller (for example to hand to another system). The
 * component's own cached token is neither used nor replaced. The reply body holds a credential: do not log it.
 */
final class ExchangeTokenHandler implements ZestOperationHandler {

    @Override
    public void handle(ZestCall call) throws Exception {
        TokenExchange exchange = call.client().tokenExchange();
        ZestResponse response = exchange.exchangeRaw();
        if (call.configuration().isRawJson()) {
            call.reply(response.bodyAsString(), response.statusCode());
        } else {
            call.reply(exchange.parse(response), response.statusCode());
        }
    }
}
