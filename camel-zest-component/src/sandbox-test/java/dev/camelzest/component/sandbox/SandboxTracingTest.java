package dev.camelzest.component.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.opentelemetry2.OpenTelemetryTracer;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With camel-opentelemetry2, a zest: call is a span with its operation, status and errorId, and Zest gets its trace. */
class SandboxTracingTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camelContext = super.createCamelContext();
        // camel-opentelemetry2 takes the tracer and the propagators from the registry (else GlobalOpenTelemetry)
        Registry registry = camelContext.getRegistry();
        registry.bind("otelTracer", io.opentelemetry.api.trace.Tracer.class, tracerProvider.get("camel-zest-test"));
        registry.bind("otelPropagators", ContextPropagators.class,
                ContextPropagators.create(W3CTraceContextPropagator.getInstance()));
        new OpenTelemetryTracer().init(camelContext);
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
        tracerProvider.close();
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
        ZestApiException failure = zestFailure(() -> template.requestBodyAndHeader("direct:missing", null,
                ZestConstants.SLUG, "spvr_doesnotexist"));

        SpanData call = zestSpan("zest:getSpvRequest");
        assertEquals(failure.getCode(), call.getAttributes().get(AttributeKey.stringKey("zest.error_code")));
        assertEquals(failure.getErrorId(), call.getAttributes().get(AttributeKey.stringKey("zest.error_id")));
        assertEquals(String.valueOf(failure.getStatusCode()),
                call.getAttributes().get(AttributeKey.stringKey("http.response.status_code")));
    }

    private SpanData zestSpan(String name) {
        List<SpanData> zest = spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList();
        assertEquals(1, zest.size(), "one span for the call: " + spans.getFinishedSpanItems());
        return zest.get(0);
    }
}
