package dev.camelzest.component.operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelzest.component.http.ZestRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;

/**
 * A POST of a JSON body with an Idempotency-Key. When the operation's body is a single list field (e.g.
 * {@code subscriptions}), a bare list body is wrapped into it.
 */
final class JsonWriteHandler implements ZestOperationHandler {

    private final PathTemplate path;
    private final String listField;
    private final Class<?> replyType;

    JsonWriteHandler(String path, String listField, Class<?> replyType) {
        this.path = PathTemplate.of(path);
        this.listField = listField;
        this.replyType = replyType;
    }

    @Override
    public void handle(ZestCall call) throws Exception {
        JsonNode body = call.jsonBody();
        if (listField != null && body.isArray()) {
            ObjectNode wrapped = call.mapper().createObjectNode();
            wrapped.set(listField, body);
            body = wrapped;
        }
        ZestRequest request = ZestRequest.post(path.resolve(call))
                .authenticated(true)
                .idempotencyKey(call.idempotencyKey())
                .entity(new ByteArrayEntity(call.toJsonBytes(body), ContentType.APPLICATION_JSON))
                .build();
        call.reply(call.send(request), replyType);
    }
}
