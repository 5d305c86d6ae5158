package dev.camelzest.component.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;

import dev.camelzest.component.metrics.MeterNames;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every webhook request is counted by how it ended, refusals by reason, in the registry the runtime binds. */
class WebhookMetricsTest extends WebhookTestSupport {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @TempDir
    Path dataDirectory;

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind("metricsRegistry", meters);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().host("127.0.0.1").port(port);
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&webhookMaxBodySize=4096"
                     + "&webhookDataDirectory=" + dataDirectory + "&eventTypes=spv_request.created")
                        .routeId("zest-events")
                        .filter(body().method("eventId").isEqualTo("wde_fail"))
                            .throwException(new IllegalStateException("partner system down"))
                        .end()
                        .to("mock:events");
            }
        };
    }

    @Test
    void deliveriesAreCountedByOutcomeAndRefusalsByReason() throws Exception {
        String first = event("wde_1", "spv_request.created", "{}");
        assertEquals(200, post(first, signature(SECRET, first), "application/json").statusCode());
        assertEquals(200, post(first, signature(SECRET, first), "application/json").statusCode());
        String other = event("wde_2", "investor.created", "{}");
        assertEquals(200, post(other, signature(SECRET, other), "application/json").statusCode());
        String failing = event("wde_fail", "spv_request.created", "{}");
        assertEquals(500, post(failing, signature(SECRET, failing), "application/json").statusCode());

        String forged = "t=" + Instant.now().getEpochSecond() + ",v1=" + "ab".repeat(32);
        for (int i = 0; i < 3; i++) {
            assertEquals(401, post(first, forged, "application/json").statusCode());
        }
        String stale = ZestWebhookSignature.sign(SECRET, Instant.now().getEpochSecond() - 3600,
                first.getBytes(StandardCharsets.UTF_8));
        assertEquals(401, post(first, stale, "application/json").statusCode());
        assertEquals(400, post("[1,2]", signature(SECRET, "[1,2]"), "application/json").statusCode());
        String large = "x".repeat(5000);
        assertEquals(413, post(large, signature(SECRET, large), "application/json").statusCode());

        assertEquals(1, deliveries("accepted"));
        assertEquals(1, deliveries("duplicate"));
        assertEquals(1, deliveries("ignored"));
        assertEquals(1, deliveries("failed"));
        assertEquals(6, deliveries("refused"));
        assertEquals(3, refusals("signature"));
        assertEquals(1, refusals("stale"));
        assertEquals(1, refusals("parse"));
        assertEquals(1, refusals("size"));
        assertEquals(0, meters.get(MeterNames.WEBHOOK_IN_FLIGHT).gauge().value());
        assertEquals(webhookEndpointRefusals(), (long) meters.get(MeterNames.WEBHOOK_REFUSALS).counters().stream()
                .mapToDouble(c -> c.count()).sum());
    }

    private long deliveries(String outcome) {
        Timer timer = meters.find(MeterNames.WEBHOOK_DELIVERIES).tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private long refusals(String reason) {
        var counter = meters.find(MeterNames.WEBHOOK_REFUSALS).tag("reason", reason).counter();
        return counter == null ? 0 : (long) counter.count();
    }

    private long webhookEndpointRefusals() {
        return context.getEndpoints().stream().filter(e -> e instanceof dev.camelzest.component.ZestEndpoint)
                .mapToLong(e -> ((dev.camelzest.component.ZestEndpoint) e).getWebhookRefusals().total()).sum();
    }
}
