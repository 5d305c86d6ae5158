package dev.camelzest.component.operation;

/** Whether an operation sends the access token. */
enum Authentication {
    /** System endpoints: public. */
    NONE,
    /**
     * The contracts registry: public in the OpenAPI document, but under /v1 where Zest authenticates partners, so the
     * token is sent when credentials are configured and the call is anonymous otherwise.
     */
    IF_CONFIGURED,
    /** Every partner operation. */
    REQUIRED
}
