package dev.camelzest.component.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import dev.camelzest.component.webhook.WebhookRefusals.Reason;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Takes the raw request bytes off the message, refusing a body larger than the limit (413) before anything else
 * looks at it: a declared Content-Length over the limit is refused without reading; a streamed body is read only up
 * to the limit. Zest does not document the Content-Type of its deliveries, so any type is read and the signature and
 * the event's JSON decide; only multipart and form bodies, which a delivery never is and which an HTTP server may
 * spool to disk or parse into headers, are refused (415) without reading them.
 */
final class WebhookBodyReader {

    private final long maxBodySize;

    WebhookBodyReader(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    byte[] read(Message message) throws WebhookRejectedException {
        if (isFormOrMultipart(message.getHeader(Exchange.CONTENT_TYPE, String.class))) {
            throw new WebhookRejectedException(Reason.UNSUPPORTED_MEDIA_TYPE, "multipart and form bodies are not accepted");
        }
        Long declared = message.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        if (declared != null && declared > maxBodySize) {
            throw tooLarge();
        }
        byte[] body = readBody(message);
        if (body == null || body.length == 0) {
            throw new WebhookRejectedException(Reason.UNREADABLE_BODY, "empty body");
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
                throw new WebhookRejectedException(Reason.UNREADABLE_BODY, "unreadable body");
            }
        }
        return message.getBody(byte[].class);
    }

    private WebhookRejectedException tooLarge() {
        return new WebhookRejectedException(Reason.BODY_TOO_LARGE, "body larger than " + maxBodySize + " bytes");
    }

    static boolean isFormOrMultipart(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.startsWith("multipart/") || mediaType.equals("application/x-www-form-urlencoded");
    }
}
