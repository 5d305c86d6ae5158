package dev.camelzest.component.json;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelzest.component.model.ZestJsonRecord;
import org.apache.camel.Converter;

/**
 * Camel type converters from every Zest record ({@link ZestJsonRecord}: requests, replies, events and their data) to
 * Zest's wire JSON, written by the component's own ObjectMapper ({@link ZestJson#objectMapper()}):
 * {@code convertBodyTo(String.class)} gives the JSON text instead of the record's {@code toString()}, and
 * {@code Map} / {@code JsonNode} give it as a tree, e.g. for a {@code simple} expression or a JSON data type.
 */
@Converter(generateLoader = true)
public final class ZestJsonConverters {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private ZestJsonConverters() {
    }

    @Converter
    public static String toJsonText(ZestJsonRecord value) throws JsonProcessingException {
        return ZestJson.objectMapper().writeValueAsString(value);
    }

    @Converter
    public static JsonNode toJsonNode(ZestJsonRecord value) {
        return ZestJson.objectMapper().valueToTree(value);
    }

    @Converter
    public static Map<String, Object> toMap(ZestJsonRecord value) {
        return ZestJson.objectMapper().convertValue(value, OBJECT);
    }
}
