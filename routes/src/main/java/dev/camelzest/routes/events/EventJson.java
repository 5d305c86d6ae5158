package dev.camelzest.routes.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.model.event.UnknownEventData;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.component.model.event.ZestEventReader;

/** Events to and from their wire JSON: the envelope as Zest sends it, whatever form the event arrived in. */
final class EventJson {

    private static final ObjectMapper MAPPER = ZestJson.newObjectMapper();
    private static final ZestEventReader READER = new ZestEventReader(MAPPER);

    private EventJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    static ZestEvent read(JsonNode envelope) {
        try {
            return READER.read(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode tree(Object body) {
        try {
            if (body instanceof ZestEvent event) {
                return envelope(event);
            }
            if (body instanceof JsonNode node) {
                return node;
            }
            if (body instanceof byte[] bytes) {
                return MAPPER.readTree(bytes);
            }
            if (body instanceof String text) {
                return MAPPER.readTree(text);
            }
            if (body instanceof InputStream stream) {
                return MAPPER.readTree(stream);
            }
            return MAPPER.valueToTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a Zest event: " + e.getMessage(), e);
        }
    }

    private static ObjectNode envelope(ZestEvent event) {
        ObjectNode envelope = MAPPER.createObjectNode();
        envelope.put("eventId", event.eventId());
        envelope.put("eventType", event.eventType());
        envelope.set("occurredAt", MAPPER.valueToTree(event.occurredAt()));
        Object data = event.data() instanceof UnknownEventData unknown ? unknown.fields() : event.data();
        envelope.set("data", MAPPER.valueToTree(data));
        return envelope;
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
