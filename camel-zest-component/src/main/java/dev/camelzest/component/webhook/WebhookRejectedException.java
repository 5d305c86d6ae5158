package dev.camelzest.component.webhook;

import dev.camelzest.component.webhook.WebhookRefusals.Reason;

/** A delivery refused before it reaches the route: why, and a short detail for the reply. */
final class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    WebhookRejectedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }

    int status() {
        return reason.status();
    }
}
