package dev.camelzest.component.model.event;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import dev.camelzest.component.json.ZestJson;

/**
 * Reads a {@link ZestEvent} with whatever ObjectMapper is at hand (e.g. {@code unmarshal().json(ZestEvent.class)}):
 * the envelope is read as a tree and handed to {@link ZestEventReader} on Zest's own mapper, which picks the data
 * record by {@code eventType}.
 */
final class ZestEventDeserializer extends StdDeserializer<ZestEvent> {

    private static final ZestEventReader READER = new ZestEventReader(ZestJson.objectMapper());

    ZestEventDeserializer() {
        super(ZestEvent.class);
    }

    @Override
    public ZestEvent deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode envelope = context.readTree(parser);
        return READER.read(envelope);
    }
}
