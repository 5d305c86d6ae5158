package dev.camelzest.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Renders {@code ZestComponentConfiguration}, the {@code camel.component.zest.*} properties class, from the
 * component's catalog ({@code zest.json} in the camel-zest jar), the way camel-spring-boot generates its starters:
 * one field per component option, the option's description as javadoc (which spring-boot-configuration-processor
 * turns into the IDE metadata), the catalog default as the initial value. Durations are text, so {@code 10s} works
 * as it does in Camel; bean options take a bean reference ({@code #bean:name}) through
 * {@code ZestComponentConverter}.
 */
final class ComponentConfigurationSource {

    static final String CATALOG = "META-INF/dev/camelzest/component/zest.json";
    static final String TARGET = "src/generated/java/dev/camelzest/springboot/ZestComponentConfiguration.java";

    private ComponentConfigurationSource() {
    }

    static JsonNode catalogOptions() {
        try (InputStream in = ComponentConfigurationSource.class.getClassLoader().getResourceAsStream(CATALOG)) {
            if (in == null) {
                throw new IllegalStateException(CATALOG + " is not on the classpath");
            }
            return new ObjectMapper().readTree(in).get("componentProperties");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render() {
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = catalogOptions().fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = option.getKey();
            JsonNode spec = option.getValue();
            String type = springType(spec);
            fields.append("\n    /**\n")
                    .append(javadoc(spec.get("description").asText()))
                    .append(javadoc(typeNote(spec)))
                    .append("     */\n")
                    .append("    private ").append(type).append(' ').append(name)
                    .append(initialValue(spec, type)).append(";\n");
            String capitalised = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            accessors.append("\n    public ").append(type).append(" get").append(capitalised).append("() {\n")
                    .append("        return ").append(name).append(";\n    }\n")
                    .append("\n    public void set").append(capitalised).append('(').append(type).append(' ')
                    .append(name).append(") {\n")
                    .append("        this.").append(name).append(" = ").append(name).append(";\n    }\n");
        }
        return """
                package dev.camelzest.springboot;

                import org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon;
                import org.springframework.boot.context.properties.ConfigurationProperties;

                /**
                 * Generated from the zest component's catalog by ComponentConfigurationSource (starter tests); do not edit.
                 * Regenerate: run the starter's GeneratedConfigurationTest with -Dzest.regenerate=true.
                 */
                @ConfigurationProperties(prefix = "camel.component.zest")
                public class ZestComponentConfiguration extends ComponentConfigurationPropertiesCommon {

                    /**
                     * Whether to enable auto configuration of the zest component. This is enabled by default.
                     */
                    private Boolean enabled;
                """ + fields + accessors + "}\n";
    }

    private static String springType(JsonNode spec) {
        String javaType = spec.get("javaType").asText();
        return switch (spec.get("type").asText()) {
            case "boolean" -> "Boolean";
            case "integer" -> javaType.endsWith("ong") ? "Long" : "Integer";
            case "number" -> "Double";
            case "duration", "string", "enum" -> "String";
            default -> javaType;
        };
    }

    private static String typeNote(JsonNode spec) {
        if ("object".equals(spec.get("type").asText())) {
            return "The option is a " + spec.get("javaType").asText() + " type; give a bean reference (#bean:name).";
        }
        if ("duration".equals(spec.get("type").asText())) {
            return "A duration: milliseconds or text such as 10s or 1m30s.";
        }
        return "";
    }

    private static String initialValue(JsonNode spec, String type) {
        JsonNode value = spec.get("defaultValue");
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (type) {
            case "String" -> " = \"" + value.asText().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            case "Long" -> " = " + value.asText() + "L";
            case "Boolean", "Integer", "Double" -> " = " + value.asText();
            default -> "";
        };
    }

    private static String javadoc(String text) {
        if (text.isEmpty()) {
            return "";
        }
        // only what would end the comment or start a javadoc tag is escaped: the metadata keeps the catalog's text
        String safe = text.replace("*/", "*&#47;").replace("@", "&#64;");
        StringBuilder lines = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : safe.split("\\s+")) {
            if (line.length() + word.length() > 108) {
                lines.append("     * ").append(line.toString().strip()).append('\n');
                line.setLength(0);
            }
            line.append(word).append(' ');
        }
        lines.append("     * ").append(line.toString().strip()).append('\n');
        return lines.toString();
    }
}
