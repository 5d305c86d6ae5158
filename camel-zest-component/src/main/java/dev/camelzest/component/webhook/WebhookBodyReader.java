package dev.camelzest.component.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Takes the raw request bytes off the message, refusing what is not JSON (415) or larger than the limit (413) before
 * anything else looks at it. A declared Content-Length over the limit is refused without reading; a streamed body is
 * read only up to the limit.
 */
final class WebhookBodyReader {

    private final long maxBodySize;

    WebhookBodyReader(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    byte[] read(Message message) throws WebhookRejectedException {
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodySize) {
            throw tooLarge();
        }
        if (!isJson(message.getHeader(Exchange.CONTENT_TYPE, String.class))) {
            throw new WebhookRejectedException(415, "Content-Type must be application/json");
        }
        byte[] body = readBody(message);
        if (body == null || body.length == 0) {
            throw new WebhookRejectedException(400, "empty body");
        }
        if (body.length > maxBodySize) {
            throw tooLarge();
        }
        return body;
    }

    private byte[] readBody(Message message) throws WebhookRejectedException {
        Object body = message.getBody();
        if (body instanceof InputStream in) {
            try (in) {
                return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBodySize + 1));
            } catch (IOException e) {
                throw new WebhookRejectedException(400, "unreadable body");
            }
        }
        return message.getBody(byte[].class);
    }

    private WebhookRejectedException tooLarge() {
        return new WebhookRejectedException(413, "body larger than " + maxBodySize + " bytes");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || mediaType.startsWith("application/") && mediaType.endsWith("+json");
    }
}
