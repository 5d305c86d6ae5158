package dev.camelzest.component.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.camelzest.component.LogCapture;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestProducer;
import dev.camelzest.fixtures.tracing.InMemoryTracing;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With camel-opentelemetry2, a zest: call is a span with its operation, status and errorId, and Zest gets its trace. */
class SandboxTracingTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private final InMemoryTracing tracing = new InMemoryTracing();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        tracing.install(camelContext);
        return camelContext;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:info").routeId("info").to("zest:tokenInfo");
                from("direct:missing").routeId("missing").to("zest:getSpvRequest");
            }
        };
    }

    @AfterEach
    void closeTracer() {
        tracing.close();
    }

    @Test
    void aZestCallIsASpanWhoseTraceReachesZest() {
        template.requestBody("direct:info", (Object) null);

        SpanData call = zestSpan("zest:tokenInfo");
        assertEquals("tokenInfo", call.getAttributes().get(AttributeKey.stringKey("zest.operation")));
        assertEquals("200", call.getAttributes().get(AttributeKey.stringKey("http.response.status_code")));
        SandboxAdminClient.RecordedRequest received = requests("GET", "/v1/oauth2/info"::equals).get(0);
        assertEquals("00-" + call.getTraceId() + "-" + call.getSpanId() + "-01", received.traceparent());
        assertFalse(call.getAttributes().asMap().toString().contains("Bearer"), "no token on the span");
    }

    @Test
    void aFailedCallsSpanCarriesZestsErrorId() {
        ZestApiException failure;
        try (LogCapture producer = LogCapture.of(ZestProducer.class.getName())) {
            failure = zestFailure(() -> template.requestBodyAndHeader("direct:missing", null,
                    ZestConstants.SLUG, "spvr_doesnotexist"));
            // the component's line about the failed call: Zest's errorId and the operation as log fields too
            ILoggingEvent line = producer.events().get(0);
            assertEquals(failure.getErrorId(), line.getMDCPropertyMap().get(ZestConstants.ERROR_ID));
            assertEquals("getSpvRequest", line.getMDCPropertyMap().get(ZestConstants.OPERATION));
            assertEquals("Zest call getSpvRequest failed: HTTP 404 not_found (errorId " + failure.getErrorId() + ")",
                    line.getFormattedMessage());
        }

        SpanData call = zestSpan("zest:getSpvRequest");
        assertEquals(failure.getCode(), call.getAttributes().get(AttributeKey.stringKey("zest.error_code")));
        assertEquals(failure.getErrorId(), call.getAttributes().get(AttributeKey.stringKey("zest.error_id")));
        assertEquals(String.valueOf(failure.getStatusCode()),
                call.getAttributes().get(AttributeKey.stringKey("http.response.status_code")));
    }

    private SpanData zestSpan(String name) {
        List<SpanData> zest = tracing.spans().stream().filter(span -> span.getName().equals(name)).toList();
        assertEquals(1, zest.size(), "one span for the call: " + tracing.spans());
        return zest.get(0);
    }
}
