package dev.camelzest.sandbox;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;

/** A test's client of a freshly reset sandbox: an HTTP client and a token of the default partner. */
record Session(TestHttp http, String token) {

    static Session afterReset(ZestSandboxExtension sandbox) {
        sandbox.admin().reset();
        TestHttp http = new TestHttp(sandbox.baseUrl());
        return new Session(http, http.token(sandbox.partner(), sandbox.audience()));
    }
}
