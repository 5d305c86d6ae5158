package dev.camelzest.component.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import dev.camelzest.component.http.TraceContext;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The W3C trace context a Camel tracer puts on the message reaches Zest; anything malformed does not. */
class SandboxTraceContextTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Test
    void theTraceparentOfTheMessageArrivesAtZest() {
        template.requestBodyAndHeaders("zest:tokenInfo", null,
                Map.of(TraceContext.TRACEPARENT, TRACEPARENT, TraceContext.TRACESTATE, "vendor=abc"));

        assertEquals(TRACEPARENT, tokenInfoCall().traceparent());
    }

    @Test
    void aMalformedTraceparentIsNotPassedOn() {
        template.requestBodyAndHeader("zest:tokenInfo", null, TraceContext.TRACEPARENT, TRACEPARENT + "\r\nX-Evil: 1");

        assertNull(tokenInfoCall().traceparent());
    }

    private SandboxAdminClient.RecordedRequest tokenInfoCall() {
        List<SandboxAdminClient.RecordedRequest> calls = requests("GET", "/v1/oauth2/info"::equals);
        assertEquals(1, calls.size());
        return calls.get(0);
    }
}
