package dev.camelzest.component.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.SuiteSecrets;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.model.AggregationResponse;
import dev.camelzest.component.model.FormUploadResponse;
import dev.camelzest.component.model.FundingUploadResponse;
import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SpvRequestStatus;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.component.model.TokenResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every one of the 23 operations through a route, each checked against what the sandbox recorded or now holds.
 * Routes take the operation from the CamelZestOperation header, as a dispatching route of a partner would.
 */
class SandboxOperationsTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path files;

    @Override
    ZestSandboxExtension sandbox() {
        return SANDBOX;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest").to("zest:root");
            }
        };
    }

    private <T> T call(ZestOperation operation, Object body, Map<String, Object> headers, Class<T> type) {
        Map<String, Object> all = new java.util.HashMap<>(headers);
        all.put(ZestConstants.OPERATION, operation.name());
        return template.requestBodyAndHeaders("direct:zest", body, all, type);
    }

    private void assertRecorded(String method, String path, int status) {
        assertTrue(admin().requests().stream().anyMatch(r -> r.method().equals(method) && r.path().equals(path)
                                                             && r.status() == status),
                method + " " + path + " " + status + " in " + admin().requests());
    }

    @Test
    void systemOperations() {
        assertEquals(Map.of("name", "Zest Partner API (sandbox)", "version", "v1", "docs", "/docs",
                "openapi", "/openapi.json"), call(ZestOperation.root, null, Map.of(), Map.class));
        assertEquals(Map.of("status", "ok"), call(ZestOperation.healthCheck, null, Map.of(), Map.class));
        Map<?, ?> spec = call(ZestOperation.openApiSpec, null, Map.of(), Map.class);
        assertTrue(((Map<?, ?>) spec.get("paths")).containsKey("/v1/spv-requests"));
        String docs = call(ZestOperation.apiDocs, null, Map.of(), String.class);
        assertFalse(docs.isBlank());
        assertRecorded("GET", "/public/hc", 200);
        assertRecorded("GET", "/openapi.json", 200);
    }

    @Test
    void contractsOperations() {
        Map<String, Object> version = Map.of(ZestConstants.VERSION, SandboxFlows.CONTRACT_VERSION);
        assertTrue(call(ZestOperation.listContractVersions, null, Map.of(), String.class).contains("1.0.0"));
        assertTrue(call(ZestOperation.listTemplates, null, version, String.class).contains(SandboxFlows.TEMPLATE));
        assertEquals(published("templates", SandboxFlows.TEMPLATE), call(ZestOperation.getTemplate, null,
                Map.of(ZestConstants.VERSION, "1.0.0", ZestConstants.NAME, SandboxFlows.TEMPLATE), Map.class));
        Map<String, ZestOperation[]> listAndGetByKind = Map.of(
                "catalogs", new ZestOperation[] { ZestOperation.listCatalogs, ZestOperation.getCatalog },
                "primitives", new ZestOperation[] { ZestOperation.listPrimitives, ZestOperation.getPrimitive },
                "samples", new ZestOperation[] { ZestOperation.listSamples, ZestOperation.getSample });
        listAndGetByKind.forEach((kind, listAndGet) -> {
            Object listed = call(listAndGet[0], null, version, Object.class);
            String first = firstName(listed);
            assertEquals(published(kind, first), call(listAndGet[1], null,
                    Map.of(ZestConstants.VERSION, "1.0.0", ZestConstants.NAME, first), Map.class), kind + " " + first);
        });
        assertRecorded("GET", "/v1/contracts/templates/1.0.0/" + SandboxFlows.TEMPLATE, 200);
        assertRecorded("GET", "/v1/contracts/samples/1.0.0", 200);
    }

    /** A contract document of version 1.0.0 as the sandbox publishes it (its classpath resource). */
    private static Map<?, ?> published(String kind, String name) {
        String resource = "/contracts/1.0.0/" + kind + "/" + name + ".json";
        try (InputStream in = SandboxOperationsTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return JSON.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first name in a registry listing: the list in its body, of names or of objects with a name; or an object keyed by name. */
    private static String firstName(Object listed) {
        Object items = listed instanceof Map<?, ?> map
                ? map.values().stream().filter(List.class::isInstance).map(Object.class::cast).findFirst().orElse(listed)
                : listed;
        if (items instanceof List<?> list && !list.isEmpty()) {
            Object item = list.get(0);
            if (item instanceof Map<?, ?> object) {
                Object name = object.get("name") != null ? object.get("name") : object.get("id");
                return String.valueOf(name);
            }
            return String.valueOf(item);
        }
        if (items instanceof Map<?, ?> byName && !byName.isEmpty()) {
            return String.valueOf(byName.keySet().iterator().next());
        }
        throw new AssertionError("cannot find a name in " + listed);
    }

    /** Five requests, two a page: three calls, and every request once in the joined list. */
    @Test
    void allPagesJoinsEveryPage() {
        SandboxFlows flows = new SandboxFlows(template, admin());
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(flows.createSpvRequest().spvRequestSlug());
        }

        List<?> all = template.requestBody("zest:listSpvRequests?allPages=true&perPage=2", null, List.class);

        assertEquals(5, all.size());
        assertEquals(new java.util.HashSet<>(created), all.stream()
                .map(request -> ((SpvRequestResponse) request).spvRequestSlug()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(3, requests("GET", "/v1/spv-requests"::equals).size(), "pages of 2, 2 and 1");
    }

    @Test
    void tokenOperations() {
        TokenResponse token = call(ZestOperation.exchangeToken, null, Map.of(), TokenResponse.class);
        SuiteSecrets.register(token.accessToken());
        SuiteSecrets.register(token.refreshToken());
        assertFalse(token.accessToken().isBlank());
        assertTrue(token.expiresInOrDefault() > 0);

        InfoResponse info = call(ZestOperation.tokenInfo, null, Map.of(), InfoResponse.class);
        assertEquals(SANDBOX.partner().clientId(), info.clientId());
        assertEquals(SANDBOX.partner().clientId(), requests("GET", "/v1/oauth2/info"::equals).get(0).clientId());
        assertEquals(2, tokenExchanges(), "one on demand, one for the producer's own cache");
    }

    @Test
    void spvRequestOperations() {
        SandboxFlows flows = new SandboxFlows(template, admin());
        SpvRequestResponse created = call(ZestOperation.createSpvRequest, flows.sampleSpvRequest(), Map.of(),
                SpvRequestResponse.class);
        SpvRequestResponse toCancel = flows.createSpvRequest();
        assertEquals(SpvRequestStatus.PENDING_REVIEW, created.status());

        SpvRequestResponse read = call(ZestOperation.getSpvRequest, null,
                Map.of(ZestConstants.SLUG, created.spvRequestSlug()), SpvRequestResponse.class);
        assertEquals(created.spvRequestSlug(), read.spvRequestSlug());
        assertEquals(SANDBOX.partner().clientId(), read.clientId());

        SpvRequestResponse cancelled = call(ZestOperation.cancelSpvRequest, null,
                Map.of(ZestConstants.SLUG, toCancel.spvRequestSlug()), SpvRequestResponse.class);
        assertEquals(SpvRequestStatus.CANCELLED, cancelled.status());
        assertEquals(SANDBOX.sandbox().context().state().spvRequests().find(toCancel.spvRequestSlug())
                .orElseThrow().cancelledAt().truncatedTo(ChronoUnit.SECONDS),
                cancelled.cancelledAt().truncatedTo(ChronoUnit.SECONDS));

        AggregationResponse pending = call(ZestOperation.listSpvRequests, null,
                Map.of(ZestConstants.STATUS, "pending-review", ZestConstants.PER_PAGE, 10), AggregationResponse.class);
        assertEquals(List.of(created.spvRequestSlug()),
                pending.documents().stream().map(SpvRequestResponse::spvRequestSlug).toList());
        AggregationResponse all = call(ZestOperation.listSpvRequests, null, Map.of(), AggregationResponse.class);
        assertEquals(2, all.documents().size());
        // the state the sandbox holds: the cancelled one is terminal for Zest's own admin too
        assertEquals(SpvRequestStatus.CANCELLED, call(ZestOperation.getSpvRequest, null,
                Map.of(ZestConstants.SLUG, toCancel.spvRequestSlug()), SpvRequestResponse.class).status());
        String key = requests("POST", "/v1/spv-requests"::equals).get(0).idempotencyKey();
        assertNotNull(key, "every create carries an Idempotency-Key");
        assertRecorded("DELETE", "/v1/spv-requests/" + toCancel.spvRequestSlug(), 200);
    }

    @Test
    void investorSubscriptionAndUploadOperations() throws Exception {
        SandboxFlows flows = new SandboxFlows(template, admin());
        SandboxFlows.ApprovedSpv spv = flows.approvedSpv();

        var investors = call(ZestOperation.bulkCreateInvestors,
                List.of(SandboxFlows.investor("acme-inv-1")), Map.of(), dev.camelzest.component.model.InvestorBulkResponse.class);
        String personId = investors.results().get(0).zestPersonId();
        assertEquals("created", investors.results().get(0).status());
        assertTrue(personId.startsWith("psn_"));

        SubscriptionBulkResponse subscriptions = call(ZestOperation.createSubscriptions,
                Map.of("subscriptions", List.of(Map.of("zestPersonId", personId, "shareClassSlug", spv.shareClassSlug(),
                        "lumpSum", Map.of("currency", "USD", "value", "50000.00")))),
                Map.of(ZestConstants.SPV_SLUG, spv.spvSlug()), SubscriptionBulkResponse.class);
        assertEquals("pending", subscriptions.results().get(0).status());

        Path form = Files.write(files.resolve("signed-form.pdf"), "%PDF-1.7\nsigned form\n%%EOF".getBytes());
        Map<String, Object> subscription = Map.of(ZestConstants.SPV_SLUG, spv.spvSlug(), ZestConstants.PERSON_ID, personId);
        FormUploadResponse formUploaded = call(ZestOperation.uploadSubscriptionForm, form.toFile(), subscription,
                FormUploadResponse.class);
        assertEquals(subscriptions.results().get(0).subscriptionSlug(), formUploaded.subscriptionSlug());

        Map<String, Object> funding = new java.util.HashMap<>(subscription);
        funding.put(ZestConstants.AMOUNT, "50000.00");
        funding.put(ZestConstants.CURRENCY, "USD");
        funding.put(ZestConstants.WIRE_REFERENCE, "ACME-WIRE-1");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };
        FundingUploadResponse fundingUploaded = call(ZestOperation.uploadFundingReceipt, png, funding,
                FundingUploadResponse.class);
        assertEquals("ACME-WIRE-1", fundingUploaded.wireReference());

        // the sandbox holds the whole chain: it lets its admin complete the subscription
        Map<String, Object> completed = admin().completeSubscription(spv.spvSlug(), personId);
        assertEquals("completed", completed.get("status"));
        assertEquals(formUploaded.subscriptionSlug(), completed.get("subscriptionSlug"));
        String base = "/v1/spvs/" + spv.spvSlug() + "/subscription/" + personId;
        assertRecorded("POST", base + "/forms", 201);
        assertRecorded("POST", base + "/fundings", 201);
        assertInstanceOf(String.class, requests("POST", "/v1/investors"::equals).get(0).idempotencyKey());
    }
}
