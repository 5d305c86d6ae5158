package dev.camelzest.component.webhook;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * How {@link ZestWebhookHandler} answered a request, for the deliveries meter: read from the answer itself (its
 * status and the handler's short reason), so that the handler's decisions stay free of metrics code.
 */
final class WebhookOutcomes {

    private WebhookOutcomes() {
    }

    /** One of {@code MeterNames.WEBHOOK_OUTCOMES}. */
    static String of(Message answer) {
        int status = answer.getHeader(Exchange.HTTP_RESPONSE_CODE, 500, Integer.class);
        if (status == 200) {
            String reason = answer.getBody() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : "";
            return switch (reason) {
                case "duplicate" -> "duplicate";
                case "ignored" -> "ignored";
                default -> "accepted";
            };
        }
        return switch (status) {
            case 409 -> "in_flight";
            case 503 -> "unavailable";
            default -> status >= 500 ? "failed" : "refused";
        };
    }
}
