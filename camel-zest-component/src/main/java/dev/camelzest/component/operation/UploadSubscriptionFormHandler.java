package dev.camelzest.component.operation;

import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.model.FormUploadResponse;
import dev.camelzest.component.model.SubscriptionFormUpload;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;

/** {@code POST /v1/spvs/{spvSlug}/subscription/{personId}/forms}: the signed subscription form (no Idempotency-Key). */
final class UploadSubscriptionFormHandler implements ZestOperationHandler {

    private static final PathTemplate PATH = PathTemplate.of("v1/spvs/{spvSlug}/subscription/{personId}/forms");

    @Override
    public void handle(ZestCall call) throws Exception {
        Object body = call.message().getBody();
        Object file = body instanceof SubscriptionFormUpload upload ? upload.file() : body;
        MultipartEntityBuilder multipart = MultipartEntityBuilder.create()
                .addPart("file", UploadContent.of(call, file));
        ZestRequest request = ZestRequest.post(PATH.resolve(call))
                .authenticated(true)
                .entity(multipart.build())
                .build();
        call.reply(call.send(request), FormUploadResponse.class);
    }
}
