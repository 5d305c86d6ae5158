package dev.camelzest.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The option and header tables of zest-component.adoc, rendered from the generated catalog (zest.json), so that
 * the page lists exactly what the catalog does. Camel's own update-readme goal writes Antora includes
 * ({@code include::partial$component-configure-options.adoc[]}) that only the Camel website can render; this
 * writes the tables themselves between the same markers.
 */
final class CatalogTables {

    static final String START = "// component options: START";
    static final String END = "// component options: END";

    private CatalogTables() {
    }

    static String render(JsonNode catalog) {
        List<String> lines = new ArrayList<>();
        lines.add(START);
        lines.add("=== Component options");
        lines.add("");
        lines.add("Set on the component (`camel.component.zest.*`); every endpoint starts from these values.");
        lines.add("");
        options(catalog.get("componentProperties"), lines);
        lines.add("");
        lines.add("=== Endpoint options");
        lines.add("");
        lines.add("`zest:operation?options`; a URI option overrides the component option of the same name.");
        lines.add("");
        options(catalog.get("properties"), lines);
        lines.add("");
        lines.add("=== Message headers");
        lines.add("");
        lines.add("[width=\"100%\",cols=\"2,5,2\",options=\"header\"]");
        lines.add("|===");
        lines.add("| Header | Description | Type");
        for (Map.Entry<String, JsonNode> header : catalog.get("headers").properties()) {
            String javaType = header.getValue().path("javaType").asText();
            lines.add("| `" + header.getKey() + "` | " + header.getValue().path("description").asText() + " | "
                      + javaType.substring(javaType.lastIndexOf('.') + 1));
        }
        lines.add("|===");
        lines.add(END);
        return String.join("\n", lines) + "\n";
    }

    private static void options(JsonNode group, List<String> lines) {
        lines.add("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]");
        lines.add("|===");
        lines.add("| Name | Description | Default | Type");
        for (Map.Entry<String, JsonNode> option : group.properties()) {
            JsonNode model = option.getValue();
            StringBuilder description = new StringBuilder(model.path("description").asText());
            if (model.has("enum")) {
                List<String> values = new ArrayList<>();
                model.get("enum").forEach(value -> values.add("`" + value.asText() + "`"));
                description.append(" Values: ").append(String.join(", ", values)).append('.');
            }
            if (model.path("secret").asBoolean(false)) {
                description.append(" _Secret._");
            }
            lines.add("| *" + option.getKey() + "* (" + model.path("group").asText("common") + ") | " + description
                      + " | " + model.path("defaultValue").asText("") + " | " + model.path("type").asText());
        }
        lines.add("|===");
    }

    /** The page with the block between the markers replaced by {@code tables}. */
    static String replaceBlock(String page, String tables) {
        int start = page.indexOf(START);
        int end = page.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("zest-component.adoc has no '" + START + "' ... '" + END + "' block");
        }
        return page.substring(0, start) + tables + page.substring(page.indexOf('\n', end) + 1);
    }
}
