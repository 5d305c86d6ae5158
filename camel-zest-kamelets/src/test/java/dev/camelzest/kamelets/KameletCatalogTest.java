package dev.camelzest.kamelets;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kamelets as a catalog (Kaoto, Karavan, Camel K) reads them from the jar: the conventions of the Apache Camel
 * Kamelets catalog, every property described and typed, secrets flagged.
 */
class KameletCatalogTest {

    private static final Set<String> EXPECTED = Set.of("zest-webhook-source", "zest-action", "zest-investors-sink",
            "zest-spv-request-sink", "zest-subscriptions-sink", "zest-spv-requests-source");
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(secret|password|token|key).*");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Map<String, JsonNode> kamelets = readKamelets();

    private static Map<String, JsonNode> readKamelets() {
        try {
            URL directory = KameletCatalogTest.class.getClassLoader().getResource("kamelets");
            assertNotNull(directory, "kamelets/ on the classpath");
            Map<String, JsonNode> byFile = new TreeMap<>();
            try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                for (Path file : files.toList()) {
                    byFile.put(file.getFileName().toString(), YAML.readTree(file.toFile()));
                }
            }
            return byFile;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theJarHoldsTheSixKameletsNamedAsTheirFiles() {
        List<String> names = new ArrayList<>();
        kamelets.forEach((file, kamelet) -> {
            String name = kamelet.at("/metadata/name").asText();
            assertEquals(name + ".kamelet.yaml", file);
            assertEquals("camel.apache.org/v1", kamelet.path("apiVersion").asText(), file);
            assertEquals("Kamelet", kamelet.path("kind").asText(), file);
            names.add(name);
        });
        assertEquals(EXPECTED, Set.copyOf(names));
    }

    @Test
    void everyKameletCarriesTheCatalogsMetadata() {
        kamelets.forEach((file, kamelet) -> {
            JsonNode annotations = kamelet.at("/metadata/annotations");
            for (String annotation : List.of("camel.apache.org/kamelet.support.level", "camel.apache.org/catalog.version",
                    "camel.apache.org/provider", "camel.apache.org/kamelet.group")) {
                assertFalse(annotations.path(annotation).asText().isBlank(), file + " " + annotation);
            }
            String type = kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
            assertTrue(Set.of("source", "sink", "action").contains(type), file + " type " + type);
            assertFalse(kamelet.at("/spec/definition/title").asText().isBlank(), file);
            assertFalse(kamelet.at("/spec/definition/description").asText().isBlank(), file);
            assertEquals("object", kamelet.at("/spec/definition/type").asText(), file);
            List<String> dependencies = new ArrayList<>();
            kamelet.at("/spec/dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
            assertTrue(dependencies.contains("camel:kamelet"), file);
            assertTrue(dependencies.stream().anyMatch(d -> d.matches("mvn:dev\\.camelzest:camel-zest:\\d+\\.\\d+\\.\\d+.*")),
                    file + " names the component with its version: " + dependencies);
            assertFalse(kamelet.toString().contains("@project.version@"), file + " is filtered");
        });
    }

    @Test
    void everyPropertyHasATitleADescriptionAndATypeAndSecretsAreFlagged() {
        kamelets.forEach((file, kamelet) -> {
            JsonNode properties = kamelet.at("/spec/definition/properties");
            properties.properties().forEach(property -> {
                String where = file + " " + property.getKey();
                JsonNode model = property.getValue();
                for (String field : List.of("title", "description", "type")) {
                    assertFalse(model.path(field).asText().isBlank(), where + " " + field);
                }
                if (SECRET_NAME.matcher(property.getKey()).matches()) {
                    assertEquals("password", model.path("format").asText(), where + " format");
                    List<String> descriptors = new ArrayList<>();
                    model.path("x-descriptors").forEach(d -> descriptors.add(d.asText()));
                    assertTrue(descriptors.contains("urn:camel:group:credentials"), where + " x-descriptors");
                }
            });
            kamelet.at("/spec/definition/required").forEach(required ->
                    assertTrue(properties.has(required.asText()), file + " requires an undefined " + required));
        });
    }

    @Test
    void sourcesEndInTheSinkAndEveryCallerDropsAnOperationHeaderFromOutside() {
        kamelets.forEach((file, kamelet) -> {
            String type = kamelet.at("/metadata/labels").path("camel.apache.org/kamelet.type").asText();
            String from = kamelet.at("/spec/template/from/uri").asText();
            String steps = kamelet.at("/spec/template/from/steps").toString();
            if (type.equals("source")) {
                assertFalse(from.startsWith("kamelet:source"), file);
                assertTrue(steps.contains("kamelet:sink"), file);
            } else {
                assertEquals("kamelet:source", from, file);
                assertTrue(steps.contains("\"removeHeader\":{\"name\":\"CamelZestOperation\"}"), file);
            }
        });
    }
}
