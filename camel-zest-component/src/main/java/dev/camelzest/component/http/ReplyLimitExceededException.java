package dev.camelzest.component.http;

import java.io.IOException;

/** Thrown while reading a reply once it passes the size the client reads; the reply is dropped, not truncated. */
final class ReplyLimitExceededException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    ReplyLimitExceededException(int statusCode, long limit) {
        super("The reply is larger than the " + limit + " bytes the client reads");
        this.statusCode = statusCode;
    }

    int statusCode() {
        return statusCode;
    }
}
