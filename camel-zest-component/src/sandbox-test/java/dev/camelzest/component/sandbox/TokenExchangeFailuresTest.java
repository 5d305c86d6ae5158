package dev.camelzest.component.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zest's token exchange failing: a 5xx and an answer slower than the read timeout are reported as retryable, no API
 * call goes out without a token, and the next call exchanges again and succeeds.
 */
class TokenExchangeFailuresTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Test
    void aServerErrorOnTheExchangeIsRetryableAndTheNextCallExchangesAgain() {
        admin().injectFault("POST", TOKEN_PATH, 503, 1, 0, false);

        ZestApiException failure = zestFailure(() -> template.requestBody("zest:tokenInfo", null, InfoResponse.class));

        assertEquals(503, failure.getStatusCode());
        assertEquals("service_unavailable", failure.getCode());
        assertTrue(failure.isRetryable());
        assertEquals(0, requests("GET", "/v1/oauth2/info"::equals).size(), "no call without a token");

        assertEquals(SANDBOX.partner().clientId(),
                template.requestBody("zest:tokenInfo", null, InfoResponse.class).clientId());
        assertEquals(2, tokenExchanges());
    }

    @Test
    void anExchangeSlowerThanTheReadTimeoutIsARetryableTimeout() {
        admin().injectFault("POST", TOKEN_PATH, 0, 1, 5_000, false);

        ZestApiException failure = zestFailure(() -> template.requestBody("zest:tokenInfo?readTimeout=1000", null,
                InfoResponse.class));

        assertEquals(ZestApiException.TIMEOUT, failure.getCode());
        assertTrue(failure.isRetryable());
        assertEquals(0, requests("GET", "/v1/oauth2/info"::equals).size(), "no call without a token");

        assertEquals(SANDBOX.partner().clientId(),
                template.requestBody("zest:tokenInfo", null, InfoResponse.class).clientId());
    }
}
