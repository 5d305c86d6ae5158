package dev.camelzest.component.webhook;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.camelzest.component.model.event.InvestorCreated;
import dev.camelzest.component.model.event.UnknownEventData;
import dev.camelzest.component.model.event.ZestEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * The documented hand-off (zest-component.adoc, "Acknowledgement and hand-off"): the verified event is stored with
 * a plain {@code marshal().json()} and read back with {@code unmarshal().json(ZestEvent.class)}, typed data and all,
 * with Camel's default ObjectMapper.
 */
class EventHandOffTest extends WebhookTestSupport {

    @TempDir
    static Path dataDirectory;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                restConfiguration().host("127.0.0.1").port(port);
                String inbox = "file:" + dataDirectory.resolve("zest-inbox");
                from("webhook:zest:events?" + WebhookServers.WEBHOOK_OPTIONS + "&webhookDataDirectory=" + dataDirectory)
                        .marshal().json().to(inbox);
                from(inbox).unmarshal().json(ZestEvent.class).to("mock:slow-partner-system");
            }
        };
    }

    @Test
    void anEventStoredAsJsonIsReadBackTyped() throws Exception {
        MockEndpoint partner = getMockEndpoint("mock:slow-partner-system");
        partner.expectedMessageCount(2);

        assertEquals(200, postSigned(event("wde_1", "investor.created",
                "{\"zestPersonId\":\"psn_1\",\"partnerInvestorId\":\"inv-1\",\"email\":\"a@example.com\"}")).statusCode());
        assertEquals(200, postSigned(event("wde_2", "partner.renamed", "{\"name\":\"Acme\",\"tags\":[1,2]}")).statusCode());

        partner.assertIsSatisfied(10_000);
        List<ZestEvent> events = partner.getExchanges().stream()
                .map(exchange -> exchange.getMessage().getBody(ZestEvent.class)).toList();
        ZestEvent investor = events.stream().filter(e -> e.eventId().equals("wde_1")).findFirst().orElseThrow();
        assertEquals(Instant.parse("2026-05-07T12:00:00.123Z"), investor.occurredAt());
        assertEquals("psn_1", investor.dataAs(InvestorCreated.class).zestPersonId());
        ZestEvent unknown = events.stream().filter(e -> e.eventId().equals("wde_2")).findFirst().orElseThrow();
        UnknownEventData data = assertInstanceOf(UnknownEventData.class, unknown.data());
        assertEquals(Map.of("name", "Acme", "tags", List.of(1, 2)), data.fields());
    }
}
