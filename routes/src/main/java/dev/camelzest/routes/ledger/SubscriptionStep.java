package dev.camelzest.routes.ledger;

/** The lifecycle steps of a subscription the ledger follows, in their order (the rank breaks ties in time). */
public enum SubscriptionStep {
    PENDING("pending"),
    FORM_UPLOADED("form_uploaded"),
    FUNDING_UPLOADED("funding_uploaded"),
    COMPLETED("completed");

    private final String status;

    SubscriptionStep(String status) {
        this.status = status;
    }

    /** The value of {@code subscriptions.status}. */
    public String status() {
        return status;
    }
}
