package dev.camelzest.component.sandbox;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.model.event.SpvRequestCreated;
import dev.camelzest.component.model.event.ZestEvent;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/**
 * YAML routes, as low-code users write them, get Zest's wire JSON from a plain {@code marshal: json} or
 * {@code convertBodyTo: String}, and read an event back through the component's ObjectMapper bound by name.
 */
class SandboxYamlJsonTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final String ROUTES = """
            - beans:
                - name: zestObjectMapper
                  type: dev.camelzest.component.json.ZestJson
                  factoryMethod: objectMapper
                - name: zestRetryAfter
                  type: dev.camelzest.component.RetryAfterDelay
            - onException:
                exception:
                  - dev.camelzest.component.ZestApiException
                onWhen:
                  simple: "${exception.retryable}"
                onExceptionOccurredRef: zestRetryAfter
                redeliveryPolicy:
                  maximumRedeliveries: 2
                  redeliveryDelay: 10
            - route:
                from:
                  uri: direct:spv-request-marshalled
                  steps:
                    - to: zest:getSpvRequest
                    - marshal:
                        json: {}
            - route:
                from:
                  uri: direct:spv-request-as-text
                  steps:
                    - to: zest:getSpvRequest
                    - convertBodyTo:
                        type: String
            - route:
                from:
                  uri: direct:event-from-json
                  steps:
                    - unmarshal:
                        json:
                          library: Jackson
                          objectMapper: zestObjectMapper
                          unmarshalType: dev.camelzest.component.model.event.ZestEvent
            """;

    private final ObjectMapper mapper = ZestJson.newObjectMapper();

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @BeforeEach
    void loadYamlRoutes() throws Exception {
        PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("zest-json.yaml", ROUTES));
    }

    @Test
    void marshalJsonAndConvertBodyToStringGiveTheWireJson() throws Exception {
        String slug = new SandboxFlows(template, admin()).createSpvRequest().spvRequestSlug();
        JsonNode wire = withoutNulls(mapper.readTree(template.requestBodyAndHeader(
                "zest:getSpvRequest?rawJson=true", null, ZestConstants.SLUG, slug, String.class)));

        String marshalled = template.requestBodyAndHeader("direct:spv-request-marshalled", null, ZestConstants.SLUG, slug,
                String.class);
        Object text = template.requestBodyAndHeader("direct:spv-request-as-text", null, ZestConstants.SLUG, slug);

        assertEquals(wire, mapper.readTree(marshalled));
        assertEquals(wire, mapper.readTree(assertInstanceOf(String.class, text)));
    }

    @Test
    void anEventIsReadBackWithTheComponentsObjectMapperByName() {
        String json = "{\"eventId\":\"wde_1\",\"eventType\":\"spv_request.created\",\"occurredAt\":\"2026-05-07T12:00:00Z\","
                      + "\"data\":{\"spvRequestSlug\":\"svr_1\",\"status\":\"pending-review\"}}";

        ZestEvent event = template.requestBody("direct:event-from-json", json, ZestEvent.class);

        assertEquals("svr_1", event.dataAs(SpvRequestCreated.class).spvRequestSlug());
    }

    /** Zest's nulls are left out of the records' JSON (absent and null mean the same on Zest's wire). */
    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                } else {
                    withoutNulls(field.getValue());
                }
            }
        }
        node.forEach(SandboxYamlJsonTest::withoutNulls);
        return node;
    }
}
