package dev.camelzest.component.http;

import java.nio.charset.StandardCharsets;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.json.ZestJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorReplyParserTest {

    private final ErrorReplyParser parser = new ErrorReplyParser(ZestJson.newObjectMapper());

    @Test
    void readsTheDocumentedEnvelopeWithFieldItems() {
        ZestApiException e = parse(400, """
                {"code":"validation_error","detail":"Contract validation failed","errorId":"5b7c8f0e-1",
                 "validationErrors":[{"field":"attributes.shareClasses[0].carryPercent","code":"min_value",
                                      "message":"carryPercent must be >= 0","value":"-1.0"}]}""");
        assertEquals(400, e.getStatusCode());
        assertEquals("validation_error", e.getCode());
        assertEquals("5b7c8f0e-1", e.getErrorId());
        assertEquals("attributes.shareClasses[0].carryPercent", e.getValidationErrors().get(0).path());
        assertEquals("-1.0", e.getValidationErrors().get(0).value());
        assertFalse(e.isRetryable());
        assertTrue(e.getMessage().contains("attributes.shareClasses[0].carryPercent min_value"), e.getMessage());
    }

    @Test
    void readsTheOpenApiItemsWithAttribute() {
        ZestApiException e = parse(400, """
                {"code":"validation_error","validationErrors":[{"attribute":"deal_name","code":"required","message":"m"}]}""");
        assertEquals("deal_name", e.getValidationErrors().get(0).path());
    }

    @Test
    void readsTheFrameworkValidationReply() {
        ZestApiException e = parse(422, """
                {"detail":[{"loc":["query","perPage"],"msg":"ensure this value is less than or equal to 100","type":"value_error"}]}""");
        assertEquals("validation_error", e.getCode());
        assertEquals("query.perPage", e.getValidationErrors().get(0).path());
        assertEquals("value_error", e.getValidationErrors().get(0).code());
    }

    @Test
    void readsNonJsonRepliesOfProxiesAsRetryableWhenTheyAre5xx() {
        ZestApiException e = parse(502, "<html><body>Bad Gateway</body></html>");
        assertEquals("internal_error", e.getCode());
        assertTrue(e.isRetryable());
        assertNull(e.getErrorId());
        assertTrue(e.getDetail().contains("Bad Gateway"));

        assertEquals("service_unavailable", parse(503, "").getCode());
        assertTrue(parse(429, "").isRetryable());
        assertFalse(parse(409, "{\"code\":\"conflict\"}").isRetryable());
    }

    private ZestApiException parse(int status, String body) {
        return parser.parse("createSpvRequest", status, body.getBytes(StandardCharsets.UTF_8));
    }
}
