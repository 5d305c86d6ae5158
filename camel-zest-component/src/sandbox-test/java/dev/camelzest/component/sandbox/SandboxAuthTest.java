package dev.camelzest.component.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import dev.camelzest.component.ZestEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The access token: reused, obtained once for concurrent producers, renewed after a 401. When it is refreshed ahead
 * of its expiry is {@code TokenRefreshOnSandboxTest}'s, on a clock the test moves.
 */
class SandboxAuthTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @BeforeEach
    void defaultTokenLifetime() {
        admin().settings(Duration.ofHours(1), null);
    }

    private InfoResponse tokenInfo() {
        return template.requestBody("zest:tokenInfo", null, InfoResponse.class);
    }

    @Test
    void reusesTheTokenAcrossCallsAndEndpoints() {
        for (int i = 0; i < 5; i++) {
            tokenInfo();
        }
        template.requestBody("zest:listSpvRequests", (Object) null);

        assertEquals(1, tokenExchanges());
        assertEquals(5, requests("GET", "/v1/oauth2/info"::equals).size());
    }

    @Test
    void concurrentProducersShareOneTokenExchange() throws Exception {
        int producers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(producers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InfoResponse>> calls = new ArrayList<>();
            for (int i = 0; i < producers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return tokenInfo();
                }));
            }
            start.countDown();
            for (Future<InfoResponse> call : calls) {
                assertEquals(SANDBOX.partner().clientId(), call.get(30, TimeUnit.SECONDS).clientId());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenExchanges());
        assertEquals(producers, requests("GET", "/v1/oauth2/info"::equals).size());
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheCallSucceeds() {
        tokenInfo();
        admin().injectFault("GET", "/v1/oauth2/info", 401, 1, 0, false);

        assertEquals(SANDBOX.partner().clientId(), tokenInfo().clientId());

        assertEquals(2, tokenExchanges(), "one re-authentication");
        List<Integer> statuses = requests("GET", "/v1/oauth2/info"::equals).stream()
                .map(r -> r.status()).toList();
        assertEquals(List.of(200, 401, 200), statuses);
    }

    @Test
    void aSecond401IsReportedNotRetriedForever() {
        admin().injectFault("GET", "/v1/oauth2/info", 401, 5, 0, false);

        var failure = zestFailure(this::tokenInfo);

        assertEquals(401, failure.getStatusCode());
        assertEquals("invalid_token", failure.getCode());
        assertEquals(2, requests("GET", "/v1/oauth2/info"::equals).size(), "the call and one retry");
    }

    @Test
    void readinessCheckIsUpWhenATokenCanBeObtained() {
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        template.requestBody("zest:tokenInfo", (Object) null);
        ZestEndpoint endpoint = context.getEndpoint("zest:tokenInfo", ZestEndpoint.class);

        HealthCheck check = producers.stream()
                .filter(c -> c.getId().equals("producer:zest-" + endpoint.getId())).findFirst().orElseThrow();

        assertEquals(HealthCheck.State.UP, check.call().getState());
        assertEquals(1, tokenExchanges(), "the check uses the cached token");
    }
}
