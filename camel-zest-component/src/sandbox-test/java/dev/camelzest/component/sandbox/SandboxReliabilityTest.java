package dev.camelzest.component.sandbox;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.AggregationResponse;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.InvestorCreateRow;
import dev.camelzest.component.model.InvestorRowResult;
import dev.camelzest.component.model.PartnerValidationError;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Redelivery with the same Idempotency-Key, chunked bulk, upload pre-checks, strict upload order, validation. */
class SandboxReliabilityTest extends SandboxTestSupport {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

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
                // the documented retry pattern: Camel's error handler, only for what can succeed on a resend
                onException(ZestApiException.class)
                        .onWhen(ZestApiException.RETRYABLE)
                        .maximumRedeliveries(3).redeliveryDelay(10);
                from("direct:createSpvRequest").to("zest:createSpvRequest");
                from("direct:bulkCreateInvestors").to("zest:bulkCreateInvestors?maxBatchSize=3");
            }
        };
    }

    @Test
    void aRedeliveryAfterACommitted503ResendsTheKeyAndCreatesOneSpvRequest() {
        var flows = new SandboxFlows(template, admin());
        Map<String, Object> body = flows.sampleSpvRequest();
        admin().injectFault("POST", "/v1/spv-requests", 503, 1, 0, true);

        SpvRequestResponse created = template.requestBody("direct:createSpvRequest", body, SpvRequestResponse.class);

        var attempts = requests("POST", "/v1/spv-requests"::equals);
        assertEquals(2, attempts.size());
        assertEquals(503, attempts.get(0).status());
        assertEquals(attempts.get(0).idempotencyKey(), attempts.get(1).idempotencyKey());
        AggregationResponse all = template.requestBody("zest:listSpvRequests", null, AggregationResponse.class);
        assertEquals(List.of(created.spvRequestSlug()),
                all.documents().stream().map(SpvRequestResponse::spvRequestSlug).toList(), "one SPV request, not two");
    }

    @Test
    void bulkInvestorsAreSentInChunksAndTheResultsComeBackInInputOrder() {
        List<InvestorCreateRow> rows = new ArrayList<>();
        IntStream.rangeClosed(1, 7).forEach(i -> rows.add(SandboxFlows.investor("inv-" + i)));
        rows.add(new InvestorCreateRow("inv-bad", "bad@example.com", "Bad", "Date", "12/04/1985", null));

        InvestorBulkResponse response = template.requestBodyAndHeader("direct:bulkCreateInvestors", rows,
                ZestConstants.IDEMPOTENCY_KEY, "import-2026-05-07", InvestorBulkResponse.class);

        assertEquals(rows.stream().map(InvestorCreateRow::partnerInvestorId).toList(),
                response.results().stream().map(InvestorRowResult::partnerInvestorId).toList());
        assertTrue(response.results().subList(0, 7).stream().allMatch(InvestorRowResult::isOnboarded));
        InvestorRowResult bad = response.results().get(7);
        assertEquals("failed", bad.status());
        assertEquals("dateOfBirth", bad.error().field());
        assertEquals(List.of("import-2026-05-07-1", "import-2026-05-07-2", "import-2026-05-07-3"),
                requests("POST", "/v1/investors"::equals).stream().map(r -> r.idempotencyKey()).toList());

        // sending the same file again creates nobody: Zest knows every partnerInvestorId
        InvestorBulkResponse again = template.requestBody("direct:bulkCreateInvestors", rows.subList(0, 7),
                InvestorBulkResponse.class);
        assertTrue(again.results().stream().allMatch(r -> r.status().equals("already_exists")));
    }

    @Test
    void uploadsThatZestWouldRefuseFailBeforeAnyCall() throws Exception {
        Path tooLarge = files.resolve("receipt.pdf");
        try (RandomAccessFile file = new RandomAccessFile(tooLarge.toFile(), "rw")) {
            file.write("%PDF-1.7\n".getBytes());
            file.setLength(11L * 1024 * 1024);
        }
        Path textAsPdf = Files.writeString(files.resolve("form.pdf"), "this is a text file renamed to .pdf\n");
        Map<String, Object> subscription = Map.of(ZestConstants.SPV_SLUG, "veh_any", ZestConstants.PERSON_ID, "psn_any");

        ZestApiException large = zestFailure(() -> template.requestBodyAndHeaders(
                "zest:uploadSubscriptionForm", tooLarge.toFile(), subscription));
        ZestApiException wrongType = zestFailure(() -> template.requestBodyAndHeaders(
                "zest:uploadSubscriptionForm", textAsPdf, subscription));

        assertEquals("payload_too_large", large.getCode());
        assertEquals("unsupported_media_type", wrongType.getCode());
        assertEquals(ZestApiException.NO_RESPONSE, wrongType.getStatusCode());
        assertFalse(large.isRetryable());
        assertTrue(requests("POST", path -> path.startsWith("/v1/spvs/")).isEmpty(), "no upload reached Zest");
    }

    @Test
    void aFundingReceiptBeforeItsFormIsAConflict() {
        var flows = new SandboxFlows(template, admin());
        SandboxFlows.ApprovedSpv spv = flows.approvedSpv();
        String personId = flows.onboardedInvestor("acme-inv-9");
        flows.subscribe(spv, personId);

        ZestApiException conflict = zestFailure(() -> template.requestBodyAndHeaders("zest:uploadFundingReceipt",
                "%PDF-1.7\nreceipt".getBytes(), Map.of(ZestConstants.SPV_SLUG, spv.spvSlug(),
                        ZestConstants.PERSON_ID, personId, ZestConstants.AMOUNT, "50000.00",
                        ZestConstants.CURRENCY, "USD", ZestConstants.WIRE_REFERENCE, "W-1")));

        assertEquals(409, conflict.getStatusCode());
        assertEquals("conflict", conflict.getCode());
        assertNotNull(conflict.getErrorId());
        assertFalse(conflict.isRetryable());
    }

    @Test
    void validationErrorsSurfacePerAttribute() {
        var flows = new SandboxFlows(template, admin());
        Map<String, Object> invalid = new java.util.HashMap<>(flows.sampleSpvRequest());
        invalid.put("attributes", Map.of());

        ZestApiException failure = zestFailure(() -> template.requestBody("zest:createSpvRequest", invalid));

        assertEquals(400, failure.getStatusCode());
        assertEquals("validation_error", failure.getCode());
        assertFalse(failure.getValidationErrors().isEmpty());
        for (PartnerValidationError error : failure.getValidationErrors()) {
            assertNotNull(error.path(), String.valueOf(error));
            assertNotNull(error.code(), String.valueOf(error));
            assertTrue(failure.getMessage().contains(error.path()));
        }
        assertTrue(template.requestBody("zest:listSpvRequests", null, AggregationResponse.class).documents().isEmpty());
    }
}
