package dev.camelzest.component.model.event;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * Reads a webhook body into a {@link ZestEvent}, choosing the data record by {@code eventType}. Call it only after
 * the signature over the raw bytes was verified.
 */
public final class ZestEventReader {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    public ZestEventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ZestEvent read(byte[] body) throws IOException {
        return read(mapper.readTree(body));
    }

    public ZestEvent read(JsonNode envelope) throws IOException {
        if (envelope == null || !envelope.isObject()) {
            throw new IOException("A Zest event must be a JSON object");
        }
        String eventType = envelope.path("eventType").asText(null);
        JsonNode data = envelope.hasNonNull("data") ? envelope.get("data") : NullNode.getInstance();
        ZestEventData typed = ZestEventType.fromWireName(eventType)
                .<ZestEventData> map(type -> convert(data, type.dataType()))
                .orElseGet(() -> new UnknownEventData(mapper.convertValue(data, FIELDS)));
        return new ZestEvent(
                envelope.path("eventId").asText(null),
                eventType,
                mapper.convertValue(envelope.get("occurredAt"), Instant.class),
                typed);
    }

    private ZestEventData convert(JsonNode data, Class<? extends ZestEventData> type) {
        return mapper.convertValue(data, type);
    }
}
