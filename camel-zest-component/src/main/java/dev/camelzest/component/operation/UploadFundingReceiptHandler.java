package dev.camelzest.component.operation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.model.FundingReceiptUpload;
import dev.camelzest.component.model.FundingUploadResponse;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;

/**
 * {@code POST /v1/spvs/{spvSlug}/subscription/{personId}/fundings}: the funding receipt with its wire metadata,
 * taken from a {@link FundingReceiptUpload} body or from the {@code CamelZestAmount}, {@code CamelZestCurrency} and
 * {@code CamelZestWireReference} headers. Zest requires the signed form to be uploaded first (409 otherwise).
 */
final class UploadFundingReceiptHandler implements ZestOperationHandler {

    private static final PathTemplate PATH = PathTemplate.of("v1/spvs/{spvSlug}/subscription/{personId}/fundings");
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    @Override
    public void handle(ZestCall call) throws Exception {
        Object body = call.message().getBody();
        FundingReceiptUpload upload = body instanceof FundingReceiptUpload given
                ? given : new FundingReceiptUpload(null, null, null, body);
        String amount = required(call, upload.amount(), ZestConstants.AMOUNT, "amount");
        String currency = required(call, upload.currency(), ZestConstants.CURRENCY, "currency");
        String wireReference = required(call, upload.wireReference(), ZestConstants.WIRE_REFERENCE, "wireReference");
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create()
                .addTextBody("amount", amount, TEXT)
                .addTextBody("currency", currency, TEXT)
                .addTextBody("wireReference", wireReference, TEXT)
                .addPart("file", UploadContent.of(call, upload.file()));
        ZestRequest request = ZestRequest.post(PATH.resolve(call))
                .authenticated(true)
                .entity(multipart.build())
                .build();
        call.reply(call.send(request), FundingUploadResponse.class);
    }

    private static String required(ZestCall call, String given, String header, String field) throws ZestApiException {
        Object value = given != null ? given : call.message().getHeader(header);
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value == null || value.toString().isBlank()) {
            throw call.reject("invalid_request", "uploadFundingReceipt needs the " + field + ": set the " + header
                                                 + " header or use a FundingReceiptUpload body");
        }
        return value.toString();
    }
}
