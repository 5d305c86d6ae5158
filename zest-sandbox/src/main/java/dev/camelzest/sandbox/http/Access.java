package dev.camelzest.sandbox.http;

/** Who may call an operation, and which checks the dispatcher runs before the handler. */
public enum Access {
    /** No auth; request validated against the OpenAPI document (system, contracts, token exchange). */
    PUBLIC(false, true),
    /** Bearer token required; the partner need not be provisioned (token introspection). */
    TOKEN(true, true),
    /** Bearer token of a provisioned partner required; validated against the OpenAPI document. */
    PARTNER(true, true),
    /** The sandbox's own admin API under /sandbox/: no auth, not part of the OpenAPI document. */
    ADMIN(false, false);

    private final boolean bearer;
    private final boolean validated;

    Access(boolean bearer, boolean validated) {
        this.bearer = bearer;
        this.validated = validated;
    }

    public boolean requiresBearer() {
        return bearer;
    }

    public boolean validatedAgainstOpenApi() {
        return validated;
    }

    /** Admin calls are diagnostics of the sandbox, not Zest traffic, and stay out of the request log. */
    public boolean recorded() {
        return this != ADMIN;
    }
}
