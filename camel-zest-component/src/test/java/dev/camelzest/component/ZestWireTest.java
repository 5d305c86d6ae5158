package dev.camelzest.component;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.camelzest.component.model.FundingUploadResponse;
import dev.camelzest.component.model.InfoResponse;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.component.model.Money;
import dev.camelzest.component.model.SubscriptionCreateRow;
import dev.camelzest.component.model.SpvRequestCreate;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.component.model.SpvRequestStatus;
import org.apache.camel.BindToRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Wire shapes the sandbox does not produce: the OpenAPI token reply (no expiresIn), timeouts, refused connections,
 * and the exact request format of idempotent and multipart writes.
 */
class ZestWireTest extends CamelTestSupport {

    @RegisterExtension
    static final WireMockExtension ZEST = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
            .build();

    private static final TestKeys.PemPair KEYS = TestKeys.pemPair();
    private static final String TOKEN = "opaque-access-token-0001";
    private static final String SPV_REQUEST = """
            {"spvRequestSlug":"svr_a1b2c3","status":"pending-review","templateId":"syndicate_secondary",
             "templateVersion":"1.0.0","tenantSlug":"acme","clientId":"client_xyz","attributes":{},
             "createdAt":"2026-05-07T12:00:00.123Z","updatedAt":"2026-05-07T12:00:00.123Z"}""";

    @BindToRegistry("zest")
    private final ZestComponent zest = TestComponents.withCredentials(ZEST.baseUrl(), KEYS, TOKEN);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(ZestApiException.class)
                        .onWhen(ZestApiException.RETRYABLE)
                        .maximumRedeliveries(3).redeliveryDelay(0);
                from("direct:createSpvRequest").to("zest:createSpvRequest");
                from("direct:tokenInfo").to("zest:tokenInfo");
            }
        };
    }

    private void stubOpenApiShapedToken() {
        // the OpenAPI document's reply: 201 with accessToken and refreshToken, no tokenType nor expiresIn
        ZEST.stubFor(post("/v1/oauth2/tokens")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"accessToken\":\"" + TOKEN + "\",\"refreshToken\":\"opaque-refresh-0001\"}")));
        SuiteSecrets.register("opaque-refresh-0001");
    }

    @Test
    void acceptsTheOpenApiTokenReplyAndReusesTheToken() {
        stubOpenApiShapedToken();
        ZEST.stubFor(get("/v1/oauth2/info").willReturn(okJson("{\"clientType\":\"service\",\"clientId\":\"client_xyz\"}")));

        InfoResponse first = template.requestBody("zest:tokenInfo", null, InfoResponse.class);
        template.requestBody("zest:tokenInfo", null, InfoResponse.class);

        assertEquals("client_xyz", first.clientId());
        assertEquals(1, ZEST.findAll(postRequestedFor(urlEqualTo("/v1/oauth2/tokens"))).size());
        LoggedRequest tokenRequest = ZEST.findAll(postRequestedFor(urlEqualTo("/v1/oauth2/tokens"))).get(0);
        assertTrue(tokenRequest.getHeader("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertTrue(tokenRequest.getBodyAsString().startsWith(
                "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=eyJ"));
        ZEST.verify(2, getRequestedFor(urlEqualTo("/v1/oauth2/info"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void concurrentProducersWaitForOneTokenExchange() throws Exception {
        // a slow token endpoint, so that all eight callers arrive while the first exchange is in flight
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(okJson(
                "{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\",\"expiresIn\":3600}").withFixedDelay(300)));
        ZEST.stubFor(get("/v1/oauth2/info").willReturn(okJson("{\"clientType\":\"service\",\"clientId\":\"client_xyz\"}")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<InfoResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return template.requestBody("direct:tokenInfo", null, InfoResponse.class);
                }));
            }
            start.countDown();
            for (Future<InfoResponse> call : calls) {
                assertEquals("client_xyz", call.get(30, TimeUnit.SECONDS).clientId());
            }
        } finally {
            pool.shutdownNow();
        }
        ZEST.verify(1, postRequestedFor(urlEqualTo("/v1/oauth2/tokens")));
        ZEST.verify(8, getRequestedFor(urlEqualTo("/v1/oauth2/info")));
    }

    @Test
    void aShortLivedTokenIsRenewedBeforeItExpires() {
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(okJson(
                "{\"accessToken\":\"" + TOKEN + "\",\"tokenType\":\"Bearer\",\"expiresIn\":1}")));
        ZEST.stubFor(get("/v1/oauth2/info").willReturn(okJson("{\"clientType\":\"service\",\"clientId\":\"client_xyz\"}")));

        template.requestBody("direct:tokenInfo", null, InfoResponse.class);
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    template.requestBody("direct:tokenInfo", null, InfoResponse.class);
                    return ZEST.findAll(postRequestedFor(urlEqualTo("/v1/oauth2/tokens"))).size() >= 2;
                });
    }

    @Test
    void aRejectedTokenIsReplacedOnceAndTheCallSucceeds() {
        stubOpenApiShapedToken();
        ZEST.stubFor(get("/v1/oauth2/info").inScenario("revoked").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\":\"invalid_token\",\"errorId\":\"e-2\"}"))
                .willSetStateTo("renewed"));
        ZEST.stubFor(get("/v1/oauth2/info").inScenario("revoked").whenScenarioStateIs("renewed")
                .willReturn(okJson("{\"clientType\":\"service\",\"clientId\":\"client_xyz\"}")));

        assertEquals("client_xyz", template.requestBody("direct:tokenInfo", null, InfoResponse.class).clientId());

        ZEST.verify(2, postRequestedFor(urlEqualTo("/v1/oauth2/tokens")));
        ZEST.verify(2, getRequestedFor(urlEqualTo("/v1/oauth2/info")));
    }

    @Test
    void acceptsRecordsMapsListsAndJsonTextAsBodies() throws Exception {
        stubOpenApiShapedToken();
        ZEST.stubFor(post("/v1/spvs/veh_1/subscriptions").willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"results\":[]}")));
        String row = "{\"zestPersonId\":\"psn_1\",\"lumpSum\":{\"currency\":\"USD\",\"value\":\"10.00\"},"
                     + "\"shareClassSlug\":\"sc_a\"}";
        List<Object> bodies = List.of(
                List.of(new SubscriptionCreateRow("psn_1", new Money("USD", "10.00"), "sc_a", null)),
                Map.of("subscriptions", List.of(Map.of("zestPersonId", "psn_1", "shareClassSlug", "sc_a",
                        "lumpSum", Map.of("currency", "USD", "value", "10.00")))),
                "[" + row + "]",
                new ByteArrayInputStream(("{\"subscriptions\":[" + row + "]}").getBytes()));

        for (Object body : bodies) {
            template.requestBodyAndHeader("zest:createSubscriptions", body, ZestConstants.SPV_SLUG, "veh_1");
        }

        List<LoggedRequest> sent = ZEST.findAll(postRequestedFor(urlEqualTo("/v1/spvs/veh_1/subscriptions")));
        assertEquals(4, sent.size());
        ObjectMapper json = new ObjectMapper();
        for (LoggedRequest request : sent) {
            assertEquals(json.readTree("{\"subscriptions\":[" + row + "]}"), json.readTree(request.getBodyAsString()));
        }
        ZestApiException notJson = failure(() -> template.requestBodyAndHeader("zest:createSubscriptions", "{oops",
                ZestConstants.SPV_SLUG, "veh_1"));
        assertEquals("invalid_request", notJson.getCode());
        ZestApiException noSpv = failure(() -> template.requestBody("zest:createSubscriptions", "[]"));
        assertTrue(noSpv.getMessage().contains("CamelZestSpvSlug"), noSpv.getMessage());
        assertEquals(4, ZEST.findAll(postRequestedFor(urlEqualTo("/v1/spvs/veh_1/subscriptions"))).size());
    }

    @Test
    void reportsTimeoutsAndRefusedConnectionsAsRetryable() {
        ZEST.stubFor(get("/public/hc").willReturn(okJson("{}").withFixedDelay(2_000)));

        ZestApiException timeout = failure(() -> template.requestBody("zest:healthCheck?readTimeout=200", (Object) null));
        assertEquals(ZestApiException.TIMEOUT, timeout.getCode());
        assertEquals(ZestApiException.NO_RESPONSE, timeout.getStatusCode());
        assertTrue(timeout.isRetryable());

        ZestApiException refused = failure(() -> template.requestBody("zest:healthCheck?baseUrl=http://127.0.0.1:9", (Object) null));
        assertEquals(ZestApiException.CONNECTION_FAILED, refused.getCode());
        assertTrue(refused.isRetryable());
    }

    @Test
    void redeliveriesResendTheSameIdempotencyKeyAndNewExchangesGetNewOnes() {
        stubOpenApiShapedToken();
        ZEST.stubFor(post("/v1/spv-requests").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("{\"code\":\"service_unavailable\",\"errorId\":\"e-1\"}"))
                .willSetStateTo("up"));
        ZEST.stubFor(post("/v1/spv-requests").inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(SPV_REQUEST)));
        SpvRequestCreate body = new SpvRequestCreate("syndicate_secondary", "1.0.0", Map.of("currency", "USD"));

        SpvRequestResponse created = template.requestBody("direct:createSpvRequest", body, SpvRequestResponse.class);
        template.requestBody("direct:createSpvRequest", body, SpvRequestResponse.class);

        assertEquals(SpvRequestStatus.PENDING_REVIEW, created.status());
        List<String> keys = ZEST.findAll(postRequestedFor(urlEqualTo("/v1/spv-requests"))).stream()
                .map(request -> request.getHeader("Idempotency-Key")).toList();
        assertEquals(3, keys.size());
        assertEquals(keys.get(0), keys.get(1), "the redelivery resends the key of the failed attempt");
        assertNotEquals(keys.get(1), keys.get(2), "another exchange is another logical action");
    }

    @Test
    void splitsBulkInvestorsIntoCallsWithDerivedKeysAndJoinsTheResultsInOrder() {
        stubOpenApiShapedToken();
        ZEST.stubFor(post("/v1/investors").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("{\"results\":[{{#each (jsonPath request.body '$.investors') as |row|}}"
                          + "{\"partnerInvestorId\":\"{{row.partnerInvestorId}}\",\"status\":\"created\"}"
                          + "{{#unless @last}},{{/unless}}{{/each}}]}")));
        List<InvestorCreateRow> rows = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> new InvestorCreateRow("inv-" + i, "i" + i + "@example.com", "F", "L", "1980-01-01", null))
                .toList();

        InvestorBulkResponse response = template.requestBodyAndHeader("zest:bulkCreateInvestors?maxBatchSize=2", rows,
                ZestConstants.IDEMPOTENCY_KEY, "import-42", InvestorBulkResponse.class);

        assertEquals(List.of("inv-1", "inv-2", "inv-3", "inv-4", "inv-5"),
                response.results().stream().map(r -> r.partnerInvestorId()).toList());
        assertEquals(List.of("import-42-1", "import-42-2", "import-42-3"),
                ZEST.findAll(postRequestedFor(urlEqualTo("/v1/investors"))).stream()
                        .map(request -> request.getHeader("Idempotency-Key")).toList());
    }

    @Test
    void sendsTheFundingReceiptAsMultipartWithItsMetadata() {
        stubOpenApiShapedToken();
        ZEST.stubFor(post(urlPathEqualTo("/v1/spvs/veh_klm456/subscription/psn_abc123/fundings"))
                .withMultipartRequestBody(aMultipart("file").withHeader("Content-Type", equalTo("application/pdf")))
                .withMultipartRequestBody(aMultipart("amount").withBody(equalTo("50000.00")))
                .withMultipartRequestBody(aMultipart("currency").withBody(equalTo("USD")))
                .withMultipartRequestBody(aMultipart("wireReference").withBody(equalTo("WIRE-1")))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("""
                        {"subscriptionSlug":"sub_p9q8r7","spvSlug":"veh_klm456","personId":"psn_abc123",
                         "fundingReceiptUrl":"https://storage.example/r.pdf","amount":"50000.00","currency":"USD",
                         "wireReference":"WIRE-1","uploadedAt":"2026-05-07T16:21:09.000Z"}""")));

        FundingUploadResponse response = template.requestBodyAndHeaders(
                "zest:uploadFundingReceipt?spvSlug=veh_klm456&personId=psn_abc123",
                new ByteArrayInputStream("%PDF-1.4 receipt".getBytes()),
                Map.of(ZestConstants.AMOUNT, new BigDecimal("50000.00"), ZestConstants.CURRENCY, "USD",
                        ZestConstants.WIRE_REFERENCE, "WIRE-1", "CamelFileName", "in/receipt.pdf"),
                FundingUploadResponse.class);

        assertEquals("WIRE-1", response.wireReference());
        LoggedRequest upload = ZEST.findAll(postRequestedFor(urlPathEqualTo(
                "/v1/spvs/veh_klm456/subscription/psn_abc123/fundings"))).get(0);
        assertTrue(upload.getHeader("Content-Type").startsWith("multipart/form-data"), upload.getHeader("Content-Type"));
        assertEquals(null, upload.getHeader("Idempotency-Key"), "uploads are content-addressed: no key");
        assertTrue(upload.getBodyAsString().contains("filename=\"receipt.pdf\""));
        ZEST.verify(postRequestedFor(urlPathEqualTo("/v1/spvs/veh_klm456/subscription/psn_abc123/fundings"))
                .withHeader("Authorization", matching("Bearer .+")));
    }

    @Test
    void readinessIsUpWithATokenAndDownWithZestsErrorCode() {
        stubOpenApiShapedToken();
        // Camel keeps producer checks off unless enabled (camel.health.producersEnabled=true)
        HealthCheckRepository producers = HealthCheckHelper.getHealthCheckRepository(context, "producers");
        producers.setEnabled(true);
        ZestEndpoint endpoint = context.getEndpoint("zest:tokenInfo", ZestEndpoint.class);
        HealthCheck check = producers.stream()
                .filter(c -> c.getId().equals("producer:zest-" + endpoint.getId())).findFirst().orElseThrow();

        assertEquals(HealthCheck.State.UP, check.call().getState());

        ZEST.resetAll();
        ZEST.stubFor(post("/v1/oauth2/tokens").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\":\"invalid_token\",\"detail\":\"aud mismatch\",\"errorId\":\"e-401\"}")));
        endpoint.getClient().tokens().invalidate(TOKEN);
        HealthCheck.Result down = check.call();

        assertEquals(HealthCheck.State.DOWN, down.getState());
        assertEquals("invalid_token", down.getDetails().get("code"));
        assertEquals("e-401", down.getDetails().get("errorId"));
        assertFalse(check.isLiveness(), "a Zest outage must not restart the application");
    }

    private static ZestApiException failure(Executable call) {
        CamelExecutionException e = assertThrows(CamelExecutionException.class, call);
        return assertInstanceOf(ZestApiException.class, e.getCause());
    }
}
