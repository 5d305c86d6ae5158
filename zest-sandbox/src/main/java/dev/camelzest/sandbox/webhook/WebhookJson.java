package dev.camelzest.sandbox.webhook;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON of webhook envelopes and of the webhook admin API. */
final class WebhookJson {

    /**
     * Instants anywhere in an event's data come out in Zest's format (milliseconds, UTC); the module
     * registered last wins over the java.time module's own Instant serialiser.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("zest-timestamps").addSerializer(Instant.class, new ZestTimestamp.Serializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private WebhookJson() {
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The universal envelope {@code {eventId, eventType, occurredAt, data}}, in that order, compact. */
    static String envelope(String eventId, String eventType, Instant occurredAt, Map<String, Object> data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", eventId);
        envelope.put("eventType", eventType);
        envelope.put("occurredAt", ZestTimestamp.format(occurredAt));
        envelope.put("data", data);
        return write(envelope);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }
}
