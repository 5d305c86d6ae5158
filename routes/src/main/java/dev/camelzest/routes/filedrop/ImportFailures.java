package dev.camelzest.routes.filedrop;

import java.io.IOException;

import dev.camelzest.component.ZestApiException;
import org.apache.camel.Exchange;
import org.apache.camel.Predicate;

/** Tells transient failures (retried with the same Idempotency-Key) from those that stop a file. */
public final class ImportFailures {

    private ImportFailures() {
    }

    /**
     * A call's connection loss, timeout or Zest's retryable answer (5xx): worth the same call again. Only a call is
     * sent again: the file's other steps cannot be done twice (its batches are read once, a recording that failed
     * stays failed), and were redelivered as if they were calls (the split over the batches already closed, the
     * start over a file already being read ahead): a transient failure there stops the file, as any other does.
     */
    static final Predicate TRANSIENT = exchange -> exchange.getVariable(FileDropImport.CALL) != null
            && isTransient(exchange.getException() != null
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
