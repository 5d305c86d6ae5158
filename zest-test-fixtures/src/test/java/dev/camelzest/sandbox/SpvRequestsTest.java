package dev.camelzest.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.camelzest.sandbox.http.Json;
import dev.camelzest.sandbox.junit.SandboxAdminClient;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** SPV requests: create, read, list, cancel, admin approve/reject, their webhooks and errors. */
class SpvRequestsTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private TestHttp http;
    private String token;

    @BeforeEach
    void freshSandbox() {
        Session session = Session.afterReset(SANDBOX);
        http = session.http();
        token = session.token();
    }

    @Test
    void createAnswersPendingReviewAndFiresCreated() {
        ObjectNode body = Samples.spvRequest(http);
        TestHttp.Response response = create(body);

        assertEquals(201, response.status(), response.body());
        JsonNode created = response.json();
        assertTrue(created.get("spvRequestSlug").asText().startsWith("svr_"));
        assertEquals("pending-review", created.get("status").asText());
        assertEquals("syndicate_secondary", created.get("templateId").asText());
        assertEquals("1.0.0", created.get("templateVersion").asText());
        assertEquals(SANDBOX.partner().clientId(), created.get("clientId").asText());
        assertEquals("camel-zest-test", created.get("tenantSlug").asText());
        assertEquals(body.get("attributes"), created.get("attributes"));
        assertTrue(created.get("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals(created.get("createdAt"), created.get("updatedAt"));
        assertFalse(created.has("materialisedRefs"));
        assertFalse(created.has("approvedAt"));

        PublishedEvents.Event event = onlyEvent();
        assertEquals("spv_request.created", event.eventType());
        assertEquals(Set.of("spvRequestSlug", "templateId", "templateVersion", "tenantSlug", "attributes", "status"),
                event.data().keySet());
        assertEquals("pending-review", event.data().get("status"));
        assertEquals(created.get("spvRequestSlug").asText(), event.data().get("spvRequestSlug"));
    }

    @Test
    void missingOrBlankIdempotencyKeyIsInvalidRequest() {
        String json = Samples.spvRequest(http).toString();
        TestHttp.Response missing = http.post("/v1/spv-requests", token, json);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("invalid_request", missing.code());
        assertTrue(missing.json().get("detail").asText().contains("Idempotency-Key"));

        TestHttp.Response blank = http.post("/v1/spv-requests", token, json, "Idempotency-Key", " ");
        assertEquals(400, blank.status(), blank.body());
        assertEquals("invalid_request", blank.code());
        assertTrue(SANDBOX.sandbox().events().events().isEmpty());
    }

    @Test
    void eachFailingAttributeGetsOneValidationError() {
        ObjectNode body = Samples.spvRequest(http, attributes -> {
            attributes.remove("deal_name");
            attributes.put("favourite_colour", "teal");
            attributes.put("is_fixed_price", "yes");
            attributes.put("currency", "XXX");
            attributes.put("deal_slug", "Not A Slug");
            attributes.put("start_date", "next tuesday");
            attributes.put("carry_percent", "-1.0");
            attributes.put("management_fee_percent", "101");
            attributes.put("share_class_name", "");
            ((ObjectNode) attributes.get("price_per_share")).put("value", "0");
        });
        TestHttp.Response response = create(body);

        assertEquals(400, response.status(), response.body());
        assertEquals("validation_error", response.code());
        Map<String, JsonNode> errors = Samples.byField(response.json().get("validationErrors"));
        assertError(errors, "attributes.deal_name", "required", null);
        assertError(errors, "attributes.favourite_colour", "unknown_attribute", "teal");
        assertError(errors, "attributes.is_fixed_price", "type", "yes");
        assertError(errors, "attributes.currency", "enum", "XXX");
        assertError(errors, "attributes.deal_slug", "pattern", "Not A Slug");
        assertError(errors, "attributes.start_date", "format", "next tuesday");
        assertError(errors, "attributes.carry_percent", "min_value", "-1.0");
        assertError(errors, "attributes.management_fee_percent", "max_value", "101");
        assertError(errors, "attributes.share_class_name", "min_length", "");
        assertError(errors, "attributes.price_per_share.value", "min_value", "0");
        assertEquals(10, errors.size(), response.body());
        assertEquals("carry_percent must be >= 0", errors.get("attributes.carry_percent").get("message").asText());
        assertTrue(SANDBOX.sandbox().events().events().isEmpty());
    }

    @Test
    void bodyBreakingTheOpenApiSchemaIsAValidationError() {
        ObjectNode body = Samples.spvRequest(http);
        body.put("templateId", 7);
        body.remove("templateVersion");
        TestHttp.Response response = create(body);

        assertEquals(400, response.status(), response.body());
        assertEquals("validation_error", response.code());
        Map<String, JsonNode> errors = Samples.byField(response.json().get("validationErrors"));
        assertEquals("type", errors.get("templateId").get("code").asText());
        assertEquals(7, errors.get("templateId").get("value").asInt());
        assertEquals("required", errors.get("templateVersion").get("code").asText());
    }

    @Test
    void malformedJsonIsInvalidRequest() {
        TestHttp.Response response = http.post("/v1/spv-requests", token, "{\"templateId\": ",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(400, response.status(), response.body());
        assertEquals("invalid_request", response.code());
    }

    @Test
    void unknownTemplateOrVersionIsNotFound() {
        ObjectNode unknownTemplate = Samples.spvRequest(http);
        unknownTemplate.put("templateId", "no_such_template");
        TestHttp.Response response = create(unknownTemplate);
        assertEquals(404, response.status(), response.body());
        assertEquals("not_found", response.code());

        ObjectNode unknownVersion = Samples.spvRequest(http);
        unknownVersion.put("templateVersion", "9.9.9");
        assertEquals(404, create(unknownVersion).status());
    }

    @Test
    void getIsScopedToTheCallingPartner() {
        String slug = createdSlug();
        TestHttp.Response own = http.get("/v1/spv-requests/" + slug, token);
        assertEquals(200, own.status(), own.body());
        assertEquals(slug, own.json().get("spvRequestSlug").asText());

        PartnerCredentials other = PartnerCredentials.generate("other-partner");
        SANDBOX.admin().registerPartner(other.clientId(), other.publicKeyPem());
        String otherToken = http.token(other, SANDBOX.audience());
        TestHttp.Response foreign = http.get("/v1/spv-requests/" + slug, otherToken);
        assertEquals(404, foreign.status());
        assertEquals("not_found", foreign.code());
        assertEquals(404, http.get("/v1/spv-requests/svr_missing", token).status());
        assertEquals(0, http.get("/v1/spv-requests", otherToken).json().get("count").asInt());
    }

    @Test
    void listPagesNewestFirstAndFiltersByStatus() {
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            slugs.add(createdSlug());
        }
        SANDBOX.admin().approve(slugs.get(0));
        http.delete("/v1/spv-requests/" + slugs.get(1), token);

        JsonNode firstPage = http.get("/v1/spv-requests?perPage=2", token).json();
        assertEquals(5, firstPage.get("count").asInt());
        assertEquals(0, firstPage.get("skip").asInt());
        assertEquals(2, firstPage.get("limit").asInt());
        assertEquals(List.of(slugs.get(4), slugs.get(3)), slugsOf(firstPage));

        JsonNode lastPage = http.get("/v1/spv-requests?perPage=2&page=3", token).json();
        assertEquals(4, lastPage.get("skip").asInt());
        assertEquals(List.of(slugs.get(0)), slugsOf(lastPage));

        JsonNode pending = http.get("/v1/spv-requests?status=pending-review", token).json();
        assertEquals(3, pending.get("count").asInt());
        assertEquals(10, pending.get("limit").asInt());
        assertEquals(List.of(slugs.get(4), slugs.get(3), slugs.get(2)), slugsOf(pending));
        assertEquals(List.of(slugs.get(0)), slugsOf(http.get("/v1/spv-requests?status=approved", token).json()));

        TestHttp.Response tooMany = http.get("/v1/spv-requests?perPage=101", token);
        assertEquals(400, tooMany.status());
        assertEquals("invalid_request", tooMany.code());
        assertTrue(tooMany.json().get("detail").asText().contains("perPage"), tooMany.body());
        assertEquals(400, http.get("/v1/spv-requests?page=0", token).status());
        assertEquals(400, http.get("/v1/spv-requests?status=done", token).status());
    }

    @Test
    void cancelMovesPendingToCancelledOnceThenConflicts() {
        String slug = createdSlug();
        TestHttp.Response cancelled = http.delete("/v1/spv-requests/" + slug, token);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("cancelled", cancelled.json().get("status").asText());
        assertNotNull(cancelled.json().get("cancelledAt"));
        assertEquals(cancelled.json().get("cancelledAt"), cancelled.json().get("updatedAt"));

        TestHttp.Response again = http.delete("/v1/spv-requests/" + slug, token);
        assertEquals(409, again.status());
        assertEquals("conflict", again.code());
        assertEquals(404, http.delete("/v1/spv-requests/svr_missing", token).status());

        PublishedEvents.Event event = lastEvent();
        assertEquals("spv_request.cancelled", event.eventType());
        assertEquals(Set.of("spvRequestSlug", "templateId", "templateVersion", "tenantSlug", "attributes", "status",
                "cancelledAt"), event.data().keySet());
        assertEquals(cancelled.json().get("cancelledAt").asText(), event.data().get("cancelledAt"));
        assertEquals(Json.timestamp(event.occurredAt()), event.data().get("cancelledAt"));
    }

    @Test
    void approvalMaterialisesTheSpvAndFiresCompleted() {
        String slug = createdSlug();
        Map<String, Object> approved = SANDBOX.admin().approve(slug);

        assertEquals("approved", approved.get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> refs = (Map<String, Object>) approved.get("materialisedRefs");
        assertTrue(((String) refs.get("opportunitySlug")).startsWith("opp_"));
        assertTrue(((String) refs.get("vehicleSlug")).startsWith("veh_"));
        assertTrue(((String) refs.get("spSlug")).startsWith("sp_"));
        assertTrue(((String) refs.get("spcSlug")).startsWith("spc_"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> classes = (List<Map<String, Object>>)
                ((Map<String, Object>) approved.get("feesAndCarry")).get("shareClasses");
        assertEquals("Class A", classes.get(0).get("name"));
        assertTrue(((String) classes.get(0).get("slug")).startsWith("sc_"));
        assertNotNull(approved.get("approvedAt"));

        var spv = SANDBOX.sandbox().context().state().spvs().findOwned((String) refs.get("vehicleSlug"),
                SANDBOX.partner().clientId()).orElseThrow();
        assertTrue(spv.shareClass((String) classes.get(0).get("slug")).isPresent());

        JsonNode read = http.get("/v1/spv-requests/" + slug, token).json();
        assertEquals("approved", read.get("status").asText());
        assertEquals(refs.get("vehicleSlug"), read.get("materialisedRefs").get("vehicleSlug").asText());

        PublishedEvents.Event event = lastEvent();
        assertEquals("spv_request.completed", event.eventType());
        assertEquals(Set.of("spvRequestSlug", "templateId", "templateVersion", "tenantSlug", "attributes", "status",
                "materialisedRefs", "approvedAt"), event.data().keySet());
        assertEquals("approved", event.data().get("status"));
        assertEquals(refs, event.data().get("materialisedRefs"));

        TestHttp.Response cancel = http.delete("/v1/spv-requests/" + slug, token);
        assertEquals(409, cancel.status());
        SandboxAdminClient.AdminCallFailed twice = assertThrows(SandboxAdminClient.AdminCallFailed.class,
                () -> SANDBOX.admin().approve(slug));
        assertEquals(409, twice.status());
        assertEquals(404, assertThrows(SandboxAdminClient.AdminCallFailed.class,
                () -> SANDBOX.admin().approve("svr_missing")).status());
    }

    @Test
    void rejectionIsTerminalAndFiresRejected() {
        String slug = createdSlug();
        Map<String, Object> rejected = SANDBOX.admin().reject(slug, "Company not eligible");
        assertEquals("rejected", rejected.get("status"));
        assertEquals("Company not eligible", rejected.get("rejectionReason"));

        PublishedEvents.Event event = lastEvent();
        assertEquals("spv_request.rejected", event.eventType());
        assertEquals("Company not eligible", event.data().get("rejectionReason"));
        assertNotNull(event.data().get("rejectedAt"));
        assertEquals(409, http.delete("/v1/spv-requests/" + slug, token).status());
        assertEquals(409, assertThrows(SandboxAdminClient.AdminCallFailed.class,
                () -> SANDBOX.admin().approve(slug)).status());
        assertEquals(400, assertThrows(SandboxAdminClient.AdminCallFailed.class,
                () -> SANDBOX.admin().reject(createdSlug(), " ")).status());
    }

    @Test
    void businessEndpointsNeedAToken() {
        TestHttp.Response response = http.get("/v1/spv-requests", null);
        assertEquals(401, response.status());
        assertEquals("invalid_token", response.code());
    }

    @Test
    void unprovisionedPartnerIsForbidden() {
        PartnerCredentials unprovisioned = PartnerCredentials.generate("not-provisioned");
        TestHttp.Response registered = http.postJson("/sandbox/partners", null, Map.of("clientId",
                unprovisioned.clientId(), "publicKeyPem", unprovisioned.publicKeyPem(), "provisioned", false));
        assertEquals(201, registered.status(), registered.body());
        String otherToken = http.token(unprovisioned, SANDBOX.audience());

        TestHttp.Response response = http.get("/v1/spv-requests", otherToken);
        assertEquals(403, response.status());
        assertEquals("forbidden", response.code());
        assertEquals(200, http.get("/v1/oauth2/info", otherToken).status());
    }

    private TestHttp.Response create(ObjectNode body) {
        return http.post("/v1/spv-requests", token, body.toString(), "Idempotency-Key", UUID.randomUUID().toString());
    }

    private String createdSlug() {
        TestHttp.Response response = create(Samples.spvRequest(http));
        assertEquals(201, response.status(), response.body());
        return response.json().get("spvRequestSlug").asText();
    }

    private static List<String> slugsOf(JsonNode page) {
        List<String> slugs = new ArrayList<>();
        page.get("documents").forEach(d -> slugs.add(d.get("spvRequestSlug").asText()));
        return slugs;
    }

    private static PublishedEvents.Event onlyEvent() {
        List<PublishedEvents.Event> events = SANDBOX.sandbox().events().events();
        assertEquals(1, events.size(), events::toString);
        return events.get(0);
    }

    private static PublishedEvents.Event lastEvent() {
        List<PublishedEvents.Event> events = SANDBOX.sandbox().events().events();
        return events.get(events.size() - 1);
    }

    private static void assertError(Map<String, JsonNode> errors, String field, String code, String value) {
        JsonNode error = errors.get(field);
        assertNotNull(error, () -> "no error for " + field + " in " + errors.keySet());
        assertEquals(code, error.get("code").asText(), error::toString);
        assertFalse(error.get("message").asText().isBlank());
        if (value == null) {
            assertTrue(error.get("value").isNull(), error::toString);
        } else {
            assertEquals(value, error.get("value").asText(), error::toString);
        }
    }
}
