package dev.camelzest.routes.spvrequests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import dev.camelzest.routes.spvrequests.SpvRequestFile.Action;

/**
 * Reads an SPV request file, JSON ({@code .json}) or YAML ({@code .yaml}, {@code .yml}), and checks it has what
 * Zest needs; every problem is reported at once. The attributes are checked by Zest against the contract template.
 */
public final class SpvRequestFileReader {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final ObjectMapper json = JsonMapper.builder().build();
    private final ObjectMapper yaml = YAMLMapper.builder().build();

    public SpvRequestFile read(String fileName, byte[] content) {
        JsonNode root = parse(fileName, content);
        List<String> problems = new ArrayList<>();
        Action action = action(root.path("action").asText("create"), problems);
        String localId = text(root, "localId");
        String slug = text(root, "slug");
        if (action == Action.CREATE) {
            require(localId, "localId", problems);
            require(text(root, "templateId"), "templateId", problems);
            require(text(root, "templateVersion"), "templateVersion", problems);
            if (!root.path("attributes").isObject()) {
                problems.add("attributes: required, an object of the template's attributes");
            }
        } else if (localId == null && slug == null) {
            problems.add("localId: required to cancel (or slug, Zest's id of the request)");
        }
        if (!problems.isEmpty()) {
            throw new UnreadableFileException(problems);
        }
        Map<String, Object> attributes = root.has("attributes") ? json.convertValue(root.get("attributes"), OBJECT)
                : null;
        return new SpvRequestFile(action, localId, slug, text(root, "templateId"), text(root, "templateVersion"),
                attributes);
    }

    private JsonNode parse(String fileName, byte[] content) {
        String name = fileName.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? yaml : json;
        try {
            JsonNode root = mapper.readTree(content);
            if (root == null || !root.isObject()) {
                throw new UnreadableFileException("the file must hold one object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new UnreadableFileException("unreadable: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableFileException("unreadable: " + e.getMessage());
        }
    }

    private static Action action(String value, List<String> problems) {
        try {
            return Action.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("action: create or cancel, not '" + value + "'");
            return Action.CREATE;
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().trim();
    }

    private static void require(String value, String field, List<String> problems) {
        if (value == null) {
            problems.add(field + ": required");
        }
    }
}
