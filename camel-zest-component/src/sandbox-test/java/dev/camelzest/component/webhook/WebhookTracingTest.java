package dev.camelzest.component.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.camelzest.component.LogCapture;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.fixtures.tracing.InMemoryTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A webhook delivery's trace names its event (span attributes), and so do the log lines written while it is
 * delivered (MDC fields), the component's and the route's.
 */
class WebhookTracingTest extends WebhookTestSupport {

    private static final String ROUTE_LOGGER = "dev.camelzest.test.partner";

    /** The event ids seen, fresh for each run: a delivery is routed, not answered as a duplicate. */
    @TempDir
    Path dataDirectory;

    private final InMemoryTracing tracing = new InMemoryTracing();

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
                restConfiguration().host("127.0.0.1").port(port);
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&webhookDataDirectory=" + dataDirectory)
                        .routeId("zest-events")
                        .process(exchange -> LoggerFactory.getLogger(ROUTE_LOGGER).info("delivered to the partner"))
                        .filter(body().method("eventId").isEqualTo("wde_fail"))
                            .throwException(new IllegalStateException("partner system down"))
                        .end();
            }
        };
    }

    @AfterEach
    void closeTracer() {
        tracing.close();
    }

    @Test
    void aDeliverysSpanAndLogLinesNameItsEvent() throws Exception {
        String event = event("wde_traced", "subscription.completed", "{}");
        assertEquals(200, postSigned(event).statusCode());

        // the route's span ends once the exchange is done, which may be just after the answer went out
        List<SpanData> delivery = await().atMost(Duration.ofSeconds(10)).until(() -> tracing.spans()
                .stream()
                .filter(span -> "wde_traced".equals(span.getAttributes().get(AttributeKey.stringKey("zest.event_id"))))
                .toList(), found -> !found.isEmpty());
        assertEquals("webhook", delivery.get(0).getName());
        assertEquals("subscription.completed",
                delivery.get(0).getAttributes().get(AttributeKey.stringKey("zest.event_type")));

        try (LogCapture route = LogCapture.of(ROUTE_LOGGER);
                LogCapture component = LogCapture.of(ZestWebhookHandler.class.getName())) {
            String failing = event("wde_fail", "investor.created", "{}");
            assertEquals(500, postSigned(failing).statusCode());

            ILoggingEvent delivered = route.events().get(0);
            assertEquals("wde_fail", delivered.getMDCPropertyMap().get(ZestConstants.EVENT_ID));
            assertEquals("investor.created", delivered.getMDCPropertyMap().get(ZestConstants.EVENT_TYPE));
            ILoggingEvent failed = component.events().stream()
                    .filter(line -> line.getFormattedMessage().contains("failed in the route")).findFirst().orElseThrow();
            assertEquals("wde_fail", failed.getMDCPropertyMap().get(ZestConstants.EVENT_ID));
        }
    }
}
