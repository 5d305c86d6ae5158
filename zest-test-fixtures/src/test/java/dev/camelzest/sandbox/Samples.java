package dev.camelzest.sandbox;

import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Request bodies for tests, starting from the registry's own valid sample. */
final class Samples {

    private Samples() {
    }

    /** The valid SpvRequestCreate body the registry serves as sample syndicate_secondary 1.0.0. */
    static ObjectNode spvRequest(TestHttp http) {
        TestHttp.Response sample = http.get("/v1/contracts/samples/1.0.0/syndicate_secondary", null);
        if (sample.status() != 200) {
            throw new AssertionError("no sample: " + sample.body());
        }
        return (ObjectNode) sample.json();
    }

    /** The sample with its attributes changed. */
    static ObjectNode spvRequest(TestHttp http, Consumer<ObjectNode> changeAttributes) {
        ObjectNode body = spvRequest(http);
        changeAttributes.accept((ObjectNode) body.get("attributes"));
        return body;
    }

    static Map<String, JsonNode> byField(JsonNode validationErrors) {
        Map<String, JsonNode> byField = new java.util.LinkedHashMap<>();
        validationErrors.forEach(item -> byField.put(item.get("field").asText(), item));
        return byField;
    }
}
