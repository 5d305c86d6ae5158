package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;

import dev.camelzest.sandbox.http.OpenApiDocument;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** The contract registry's nine reads and the four system reads, all without auth. */
class ContractsAndSystemTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private final TestHttp http = new TestHttp(SANDBOX.baseUrl());

    @Test
    void listsTheVersions() {
        TestHttp.Response response = http.get("/v1/contracts", null);
        assertEquals(200, response.status(), response.body());
        assertEquals("1.0.0", response.json().get("versions").get(0).get("version").asText());
    }

    @ParameterizedTest
    @CsvSource({
        "templates, syndicate_secondary",
        "catalogs, currencies",
        "primitives, money",
        "samples, syndicate_secondary"
    })
    void listsAndReadsEachKindOfDocument(String kind, String name) {
        TestHttp.Response list = http.get("/v1/contracts/" + kind + "/1.0.0", null);
        assertEquals(200, list.status(), list.body());
        assertEquals("1.0.0", list.json().get("version").asText());
        assertTrue(names(list.json().get(kind)).contains(name), list::body);

        TestHttp.Response document = http.get("/v1/contracts/" + kind + "/1.0.0/" + name, null);
        assertEquals(200, document.status(), document.body());
    }

    @Test
    void theTemplateHasTheOpenApiExampleAttributes() {
        JsonNode template = http.get("/v1/contracts/templates/1.0.0/syndicate_secondary", null).json();
        List<String> expected = List.of("deal_name", "deal_slug", "company_id", "deal_type", "security_type",
                "currency", "price_per_share", "is_fixed_price", "minimum_ticket_size", "start_date", "status_tag",
                "deal_stage", "investment_summary", "deal_documents_title", "deal_documents_url",
                "deal_documents_media_type", "share_class_name", "share_class_slug", "link_enabled", "private_code");
        List<String> attributes = new ArrayList<>();
        template.get("attributes").fieldNames().forEachRemaining(attributes::add);
        assertTrue(attributes.containsAll(expected), attributes::toString);
    }

    @Test
    void theSampleIsAValidSpvRequest() {
        JsonNode sample = http.get("/v1/contracts/samples/1.0.0/syndicate_secondary", null).json();
        assertEquals("syndicate_secondary", sample.get("templateId").asText());
        String token = http.token(SANDBOX.partner(), SANDBOX.audience());
        TestHttp.Response created = http.post("/v1/spv-requests", token, sample.toString(),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, created.status(), created.body());
    }

    @ParameterizedTest
    @CsvSource({
        "/v1/contracts/templates/9.9.9",
        "/v1/contracts/templates/1.0.0/nope",
        "/v1/contracts/catalogs/9.9.9/currencies",
        "/v1/contracts/catalogs/1.0.0/nope",
        "/v1/contracts/primitives/1.0.0/nope",
        "/v1/contracts/samples/9.9.9",
        "/v1/contracts/samples/1.0.0/nope"
    })
    void unknownVersionsAndNamesAreNotFound(String path) {
        TestHttp.Response response = http.get(path, null);
        assertEquals(404, response.status(), response.body());
        assertEquals("not_found", response.code());
    }

    @Test
    void systemReads() {
        TestHttp.Response root = http.get("/", null);
        assertEquals(200, root.status());
        assertEquals("/openapi.json", root.json().get("openapi").asText());
        assertEquals("ok", http.get("/public/hc", null).json().get("status").asText());

        TestHttp.Response openapi = http.get("/openapi.json", null);
        assertEquals(200, openapi.status());
        assertArrayEquals(OpenApiDocument.bytes(), openapi.body().getBytes(StandardCharsets.UTF_8));

        TestHttp.Response docs = http.get("/docs", null);
        assertEquals(200, docs.status());
        assertTrue(docs.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(docs.body().contains("/v1/spv-requests"));
    }

    private static List<String> names(JsonNode summaries) {
        List<String> names = new ArrayList<>();
        summaries.forEach(s -> names.add(s.get("name").asText()));
        return names;
    }
}
