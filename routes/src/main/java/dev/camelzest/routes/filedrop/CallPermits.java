package dev.camelzest.routes.filedrop;

import dev.camelzest.component.RetryAfterDelay;
import dev.camelzest.component.ZestApiException;
import org.apache.camel.Exchange;

/**
 * The steps that keep a file's calls to Zest within its adaptive {@link InFlightLimit}: every attempt of a call,
 * the first and each of Camel's redeliveries, holds one permit from just before it is sent until it is answered
 * or fails. So a Zest that answers 429 or 503 gets fewer calls at once, retries included, and none before its
 * {@code Retry-After} is over. Redeliveries wait in their own thread (Camel's default, synchronous delayed
 * redelivery), which is a thread of the pool the call is sent on.
 */
final class CallPermits {

    /** Exchange variable of a call exchange: when its current attempt was sent ({@link System#nanoTime()}). */
    static final String ATTEMPT_STARTED = "zestCallAttemptStarted";
    /** Exchange variable of a call exchange: true while its attempt holds a permit. */
    private static final String HOLDS_PERMIT = "zestCallHoldsPermit";
    private static final RetryAfterDelay RETRY_AFTER = new RetryAfterDelay();

    private CallPermits() {
    }

    /**
     * Before an attempt is sent (the first one, or Camel's {@code onRedelivery}): waits for room. The attempt's batch
     * counts as sent from here ({@link SentBatches}).
     */
    static void acquire(Exchange exchange) throws InterruptedException {
        FileRun<?> run = FileDropImport.runOf(exchange);
        long batch = batchOf(exchange);
        // counted before the permit is taken: a stop closes the limit first, then waits, so it cannot miss an attempt
        // that got its permit just before the close
        run.sentBatches().sending(batch);
        if (!run.callLimit().acquire()) {
            // the import ended meanwhile (stopped, or another batch failed): the batch that ended it reports it, and
            // the stop waits for no answer of this batch, which fails here
            run.sentBatches().settled(batch);
            throw new ImportInterruptedException("the import of " + run.fileName() + " ended before this batch was sent");
        }
        exchange.setVariable(HOLDS_PERMIT, Boolean.TRUE);
        exchange.setVariable(ATTEMPT_STARTED, System.nanoTime());
    }

    /** The attempt was answered: its permit goes back and its latency counts. */
    static void answered(Exchange exchange) {
        if (release(exchange)) {
            FileDropImport.runOf(exchange).callLimit().answered(exchange.getVariable(ATTEMPT_STARTED, Long.class),
                    true);
        }
    }

    /**
     * The attempt failed ({@code onExceptionOccurred}, before the error handler decides about a redelivery): its
     * permit goes back; Zest overloaded (429, 503) lowers the limit and holds new attempts back for its
     * {@code Retry-After}, which the redelivery waits too ({@link RetryAfterDelay}).
     */
    static void failed(Exchange exchange) throws Exception {
        RETRY_AFTER.process(exchange);
        if (!release(exchange)) {
            return;
        }
        FileDropImport.runOf(exchange).sentBatches().attemptFailed(batchOf(exchange));
        ZestApiException failure = exchange.getException(ZestApiException.class);
        if (failure != null && isOverload(failure.getStatusCode())) {
            FileDropImport.runOf(exchange).callLimit().overloaded(exchange.getVariable(ATTEMPT_STARTED, Long.class),
                    failure.getRetryAfter().orElse(null));
        }
    }

    private static boolean release(Exchange exchange) {
        if (exchange.getVariable(HOLDS_PERMIT) == null) {
            return false;
        }
        exchange.removeVariable(HOLDS_PERMIT);
        FileDropImport.runOf(exchange).callLimit().release();
        return true;
    }

    private static long batchOf(Exchange exchange) {
        return exchange.getVariable(FileDropImport.CALL, Call.class).batch();
    }

    private static boolean isOverload(int status) {
        return status == 429 || status == 503;
    }
}
