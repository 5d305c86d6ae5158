package dev.camelzest.component.json;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SpvRequestStatus;
import dev.camelzest.component.model.event.SpvRequestCancelled;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.model.event.ZestEventReader;
import org.apache.camel.CamelContext;
import org.apache.camel.TypeConverter;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every Zest record converts to its wire JSON through Camel's type converters, and the JSON reads back. */
class ZestJsonConvertersTest {

    private static final String WIRE_SPV_REQUEST = "{\"spvRequestSlug\":\"svr_1\",\"status\":\"under-audit\","
                                                   + "\"templateId\":\"syndicate_secondary\",\"attributes\":{\"currency\":\"USD\"},"
                                                   + "\"cancelledAt\":\"2026-05-07T12:00:00.123Z\"}";
    private static final String WIRE_EVENT = "{\"eventId\":\"wde_1\",\"eventType\":\"spv_request.cancelled\","
                                             + "\"occurredAt\":\"2026-05-07T12:00:00Z\",\"data\":{\"spvRequestSlug\":\"svr_1\","
                                             + "\"cancelledAt\":\"2026-05-07T11:59:59Z\"}}";

    private static final CamelContext CONTEXT = started();
    private final TypeConverter converter = CONTEXT.getTypeConverter();
    private final ObjectMapper zest = ZestJson.objectMapper();

    private static CamelContext started() {
        CamelContext context = new DefaultCamelContext();
        context.start();
        return context;
    }

    @AfterAll
    static void stop() throws Exception {
        CONTEXT.close();
    }

    @Test
    void aReplyConvertsToItsWireJsonAsTextMapAndTree() throws Exception {
        SpvRequestResponse reply = zest.readValue(WIRE_SPV_REQUEST, SpvRequestResponse.class);

        assertEquals(zest.readTree(WIRE_SPV_REQUEST), zest.readTree(converter.convertTo(String.class, reply)));
        assertEquals(zest.readTree(WIRE_SPV_REQUEST), converter.convertTo(JsonNode.class, reply));
        Map<?, ?> map = converter.convertTo(Map.class, reply);
        assertEquals("under-audit", map.get("status"));
        assertEquals("2026-05-07T12:00:00.123Z", map.get("cancelledAt"));
    }

    @Test
    void anEventAndItsDataConvertToTheirWireJson() throws Exception {
        ZestEvent event = new ZestEventReader(zest).read(WIRE_EVENT.getBytes());

        assertEquals(zest.readTree(WIRE_EVENT), zest.readTree(converter.convertTo(String.class, event)));
        assertEquals(zest.readTree(WIRE_EVENT).get("data"), converter.convertTo(JsonNode.class, event.data()));
    }

    @Test
    void anyObjectMapperWritesAndReadsTheRecordsAsZestDoes() throws Exception {
        ObjectMapper plain = JsonMapper.builder().build(); // no JavaTime module, Camel's default setup

        ZestEvent event = plain.readValue(WIRE_EVENT, ZestEvent.class);
        assertEquals(Instant.parse("2026-05-07T11:59:59Z"), event.dataAs(SpvRequestCancelled.class).cancelledAt());
        assertEquals(zest.readTree(WIRE_EVENT), plain.readTree(plain.writeValueAsString(event)));

        SpvRequestResponse reply = plain.readValue(WIRE_SPV_REQUEST, SpvRequestResponse.class);
        assertEquals(SpvRequestStatus.fromWireValue("under-audit"), reply.status());
        assertEquals(zest.readTree(WIRE_SPV_REQUEST), plain.readTree(plain.writeValueAsString(reply)));
    }
}
