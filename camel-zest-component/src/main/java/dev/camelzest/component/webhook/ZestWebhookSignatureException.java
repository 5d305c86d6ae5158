package dev.camelzest.component.webhook;

/** Why a webhook delivery failed verification; the message is short and safe to return to the caller. */
public class ZestWebhookSignatureException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The kinds of failure, each answered with its own HTTP status by the webhook consumer. */
    public enum Reason {
        /** No Zest-Signature header. */
        MISSING_HEADER,
        /** The header cannot be parsed: no timestamp, a non-numeric timestamp, a segment without '='. */
        MALFORMED_HEADER,
        /** The header carries no v1 signature (only versions this verifier does not know). */
        NO_SUPPORTED_SIGNATURE,
        /** The timestamp is further from now than the tolerance, in the past or in the future. */
        TIMESTAMP_OUT_OF_TOLERANCE,
        /** No v1 signature matches the body under any configured secret. */
        SIGNATURE_MISMATCH
    }

    private final Reason reason;

    public ZestWebhookSignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
