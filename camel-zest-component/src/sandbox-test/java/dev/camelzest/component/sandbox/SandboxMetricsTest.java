package dev.camelzest.component.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.metrics.MeterNames;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The component's meters tell the same story as the sandbox's request log. */
class SandboxMetricsTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Override
    protected void bindToRegistry(Registry registry) throws Exception {
        super.bindToRegistry(registry);
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                errorHandler(defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(10));
                from("direct:info").to("zest:tokenInfo");
            }
        };
    }

    @BeforeEach
    void longLivedTokens() {
        admin().settings(Duration.ofHours(1), null);
    }

    @Test
    void callsRetriesReauthenticationsAndErrorsAreCounted() {
        admin().injectFault("GET", "/v1/oauth2/info", 503, 1, 0, false);
        template.requestBody("direct:info", (Object) null);
        admin().injectFault("GET", "/v1/oauth2/info", 401, 1, 0, false);
        template.requestBody("direct:info", (Object) null);
        ZestApiException notFound = zestFailure(() -> template.requestBodyAndHeader("zest:getSpvRequest", null,
                ZestConstants.SLUG, "spvr_doesnotexist"));

        assertEquals(requests("GET", "/v1/oauth2/info"::equals).stream().filter(r -> r.status() == 200).count(),
                calls("tokenInfo", "2xx"));
        assertEquals(1, calls("tokenInfo", "4xx"));
        assertEquals(1, calls("tokenInfo", "5xx"));
        assertEquals(tokenExchanges(), calls("exchangeToken", "2xx"));
        assertEquals(requests("GET", path -> path.startsWith("/v1/spv-requests/")).size(), calls("getSpvRequest", "4xx"));
        long allCalls = meters.get(MeterNames.CLIENT_REQUESTS).timers().stream().mapToLong(Timer::count).sum();
        assertEquals(admin().requests().size(), allCalls, "every request the sandbox logged, and no other");

        assertEquals(1, count(MeterNames.CLIENT_RETRIES, "operation", "tokenInfo"));
        assertEquals(1, count(MeterNames.CLIENT_REAUTHENTICATIONS, "operation", "tokenInfo"));
        assertEquals(1, count(MeterNames.TOKEN_EXCHANGES, "reason", "first"));
        assertEquals(1, count(MeterNames.TOKEN_EXCHANGES, "reason", "reauthentication"));
        assertEquals(1, meters.get(MeterNames.CLIENT_ERRORS).tags("operation", "getSpvRequest", "code", notFound.getCode())
                .counter().count());
    }

    private long calls(String operation, String statusClass) {
        Timer timer = meters.find(MeterNames.CLIENT_REQUESTS).tags("operation", operation, "status", statusClass).timer();
        return timer == null ? 0 : timer.count();
    }

    private long count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : (long) counter.count();
    }
}
