package dev.camelzest.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.routes.events.WebhookEventStore;
import org.apache.camel.util.StringHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IDE metadata the build generates lists every component option with the catalog's description and a type,
 * and every route feature's properties.
 */
class ConfigurationMetadataStarterTest {

    private static final String PREFIX = "camel.component.zest.";

    @Test
    void everyComponentOptionIsInTheMetadataWithItsDescriptionAndType() throws IOException {
        Map<String, JsonNode> metadata = metadata();

        JsonNode catalog = ComponentConfigurationSource.catalogOptions();
        assertThat(catalog.size()).isGreaterThan(30);
        for (Iterator<Map.Entry<String, JsonNode>> it = catalog.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> option = it.next();
            String name = PREFIX + StringHelper.camelCaseToDash(option.getKey());
            assertThat(metadata).as(name).containsKey(name);
            JsonNode property = metadata.get(name);
            assertThat(property.path("type").asText()).as(name + " type").isNotBlank();
            assertThat(normalised(property.path("description").asText())).as(name + " description")
                    .startsWith(normalised(option.getValue().get("description").asText()));
        }
        assertThat(metadata.get(PREFIX + "private-key").get("type").asText()).isEqualTo("java.lang.String");
        assertThat(metadata.get(PREFIX + "max-batch-size").get("defaultValue").asInt()).isEqualTo(1000);
    }

    @Test
    void everyRouteFeatureIsInTheMetadata() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        for (ZestFeature feature : ZestFeature.values()) {
            for (String property : new String[] {"enabled", "template", "route-id", "parameters"}) {
                String name = feature.prefix() + "." + property;
                assertThat(metadata).as(name).containsKey(name);
                assertThat(metadata.get(name).path("description").asText()).as(name + " description").isNotBlank();
            }
        }
    }

    @Test
    void theWebhookEventStorePropertiesAreInTheMetadata() throws IOException {
        Map<String, JsonNode> metadata = metadata();
        for (String name : new String[] {WebhookEventStore.STORE, WebhookEventStore.CLAIM_LEASE,
                WebhookEventStore.RETENTION}) {
            assertThat(metadata).as(name).containsKey(name);
            assertThat(metadata.get(name).path("description").asText()).as(name + " description").isNotBlank();
        }
    }

    /** The generated metadata's properties by name. */
    private Map<String, JsonNode> metadata() throws IOException {
        Map<String, JsonNode> metadata = new HashMap<>();
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated metadata").isNotNull();
            new ObjectMapper().readTree(in).get("properties")
                    .forEach(property -> metadata.put(property.get("name").asText(), property));
        }
        return metadata;
    }

    private static String normalised(String description) {
        return description.replace("&#64;", "@").replace("&#47;", "/").replaceAll("\\s+", " ").strip();
    }
}
