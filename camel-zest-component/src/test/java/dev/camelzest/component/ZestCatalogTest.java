package dev.camelzest.component;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.webhook.ZestWebhookSignature;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated catalog metadata, as tooling (Camel JBang, Karavan, IDE plugins) reads it. */
class ZestCatalogTest {

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(key|password|secret).*");

    private final JsonNode catalog = readCatalog();

    @Test
    void everyOptionHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (String group : List.of("componentProperties", "properties", "headers")) {
            catalog.get(group).properties().forEach(option -> {
                if (option.getValue().path("description").asText("").isBlank()) {
                    undocumented.add(group + "." + option.getKey());
                }
            });
        }
        assertTrue(undocumented.isEmpty(), "options without description: " + undocumented);
        assertTrue(catalog.get("componentProperties").size() > 20);
    }

    @Test
    void keyPasswordAndSecretOptionsAreFlaggedSecret() {
        for (String group : List.of("componentProperties", "properties")) {
            List<String> flagged = new ArrayList<>();
            catalog.get(group).properties().forEach(option -> {
                boolean secret = option.getValue().path("secret").asBoolean(false);
                if (SECRET_NAME.matcher(option.getKey()).matches()) {
                    assertTrue(secret, group + "." + option.getKey() + " must be flagged secret");
                }
                if (secret) {
                    flagged.add(option.getKey());
                }
            });
            // the proxy user name is a credential as well, as in camel-http
            assertEquals(List.of("privateKey", "proxyPassword", "proxyUsername", "webhookSecret"), flagged.stream().sorted().toList(), group);
        }
    }

    @Test
    void describesTheComponentAndEveryOperation() {
        JsonNode component = catalog.get("component");
        assertEquals("zest", component.get("scheme").asText());
        assertEquals("zest:operation", component.get("syntax").asText());
        assertEquals("dev.camelzest", component.get("groupId").asText());
        assertEquals("camel-zest", component.get("artifactId").asText());

        JsonNode operation = catalog.at("/properties/operation");
        assertEquals("path", operation.get("kind").asText());
        assertTrue(operation.get("required").asBoolean());
        List<String> operations = new ArrayList<>();
        operation.get("enum").forEach(value -> operations.add(value.asText()));
        List<String> expected = new ArrayList<>(Arrays.stream(ZestOperation.values()).map(Enum::name).toList());
        expected.add(ZestEndpoint.WEBHOOK_PATH);
        assertEquals(expected, operations, "every operation, then the webhook consumer's path");
        assertEquals(24, operations.size());
    }

    @Test
    void theSignatureToleranceHasOneDefault() {
        long documented = catalog.at("/properties/signatureTolerance/defaultValue").asLong();
        assertEquals(ZestWebhookSignature.DEFAULT_TOLERANCE.toMillis(), documented);
        assertEquals(documented, new ZestConfiguration().getSignatureTolerance());
    }

    @Test
    void theEventStoreIsNeverTakenFromTheRegistryByType() {
        for (String group : List.of("componentProperties", "properties")) {
            assertFalse(catalog.get(group).get("idempotentRepository").get("autowired").asBoolean(), group);
        }
    }

    @Test
    void listsTheHeadersOfZestConstants() {
        JsonNode headers = catalog.get("headers");
        for (String header : List.of(ZestConstants.OPERATION, ZestConstants.SPV_SLUG, ZestConstants.PERSON_ID,
                ZestConstants.SLUG, ZestConstants.VERSION, ZestConstants.NAME, ZestConstants.PAGE,
                ZestConstants.PER_PAGE, ZestConstants.STATUS, ZestConstants.IDEMPOTENCY_KEY, ZestConstants.AMOUNT,
                ZestConstants.CURRENCY, ZestConstants.WIRE_REFERENCE, ZestConstants.HTTP_STATUS,
                ZestConstants.ERROR_ID, ZestConstants.ERROR_CODE, ZestConstants.SIGNATURE, ZestConstants.EVENT_ID,
                ZestConstants.EVENT_TYPE,
                ZestConstants.OCCURRED_AT)) {
            assertNotNull(headers.get(header), header);
        }
    }

    @Test
    void servicesFileNamesTheComponent() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component/zest")) {
            assertNotNull(in, "component service file");
            assertTrue(new String(in.readAllBytes()).contains("class=dev.camelzest.component.ZestComponent"));
        }
        for (String configurer : List.of("zest-component", "zest-endpoint")) {
            assertNotNull(getClass().getResource("/META-INF/services/org/apache/camel/configurer/" + configurer));
        }
    }

    private static JsonNode readCatalog() {
        try (InputStream in = ZestCatalogTest.class.getResourceAsStream("/META-INF/dev/camelzest/component/zest.json")) {
            assertNotNull(in, "zest.json on the classpath");
            return new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
