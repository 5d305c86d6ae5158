package dev.camelzest.routes.filedrop;

import java.io.IOException;

import dev.camelzest.component.ZestApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Tells transient failures (retried with the same Idempotency-Key) from those that stop a file. */
public final class ImportFailures {

    private ImportFailures() {
    }

    /** Connection loss, timeouts and Zest's retryable answers (5xx): worth the same call again. */
    static final Predicate TRANSIENT = exchange -> isTransient(exchange.getException() != null
            ? exchange.getException() : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnreadableFileException) {
                return false;
            }
            if (t instanceof ZestApiException zest) {
                return zest.isRetryable();
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
