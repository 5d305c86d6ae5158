package dev.camelzest.sandbox.http;

/** Who checks a JSON request body against its schema in the OpenAPI document. */
public enum BodyValidation {
    /** The OpenAPI schema: a body breaking it is 400 validation_error before the handler runs. */
    OPENAPI_SCHEMA,
    /**
     * The handler, for operations whose answer reports problems per row (POST /v1/investors: one bad
     * row must not fail the batch). Headers, parameters, content type, body presence and JSON syntax are
     * still checked; the schema is not, which also saves its cost on large bodies.
     */
    HANDLER
}
