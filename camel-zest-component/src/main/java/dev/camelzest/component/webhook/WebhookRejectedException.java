package dev.camelzest.component.webhook;

/** A delivery refused before it reaches the route: the HTTP status and a short reason for the reply. */
final class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    WebhookRejectedException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
