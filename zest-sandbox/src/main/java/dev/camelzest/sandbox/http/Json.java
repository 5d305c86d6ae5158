package dev.camelzest.sandbox.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The sandbox's one Jackson configuration: JSON in and out of every handler, the state file, and the
 * canonical form that idempotency hashes.
 */
public final class Json {

    /** Zest's timestamps: ISO 8601 UTC with exactly three fraction digits, e.g. 2026-05-07T12:00:00.123Z. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendInstant(3)
            .toFormatter();

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** Sorts every object's keys when writing a tree: the canonical form of a request body. */
    private static final ObjectMapper CANONICAL = MAPPER.copy()
            .configure(JsonNodeFeature.WRITE_PROPERTIES_SORTED, true);

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String writeString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON text; malformed input surfaces as {@link JsonProcessingException}. */
    public static JsonNode readTree(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T convert(Object value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, Map.class);
    }

    /**
     * The canonical bytes of a JSON document: every object's keys sorted, no insignificant whitespace,
     * UTF-8. Two bodies that differ only in key order or whitespace have the same canonical form.
     */
    public static byte[] canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Formats an instant the way Zest does (UTC, milliseconds). */
    public static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
