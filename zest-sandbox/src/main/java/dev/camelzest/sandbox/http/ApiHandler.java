package dev.camelzest.sandbox.http;

/**
 * One operation of the sandbox: takes a request that has already been authenticated and validated
 * against the OpenAPI document, returns the answer or throws an {@link ApiException}. Handlers run on a
 * Vert.x worker thread, so they may do blocking work; they must be thread-safe.
 */
@FunctionalInterface
public interface ApiHandler {
    ApiResponse handle(ApiRequest request);
}
