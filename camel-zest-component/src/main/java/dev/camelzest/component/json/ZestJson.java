package dev.camelzest.component.json;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The Jackson setup for Zest's wire format: lenient on read (unknown fields, timestamp shapes), ISO 8601 on write. */
public final class ZestJson {

    private static final ObjectMapper SHARED = newObjectMapper();

    private ZestJson() {
    }

    /**
     * The component's ObjectMapper, shared by its clients, its type converters and {@code ZestEvent}'s reader.
     * Configured once here and never changed afterwards (an ObjectMapper is thread-safe only then): to customise,
     * take {@link #newObjectMapper()}.
     */
    public static ObjectMapper objectMapper() {
        return SHARED;
    }

    public static ObjectMapper newObjectMapper() {
        SimpleModule zestTimestamps = new SimpleModule("zest-timestamps");
        zestTimestamps.addDeserializer(Instant.class, new LenientInstantDeserializer());
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(zestTimestamps)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .build();
    }
}
