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

    /** Exchange variable of a call exchange: the permit its current attempt holds, until answered or failed. */
    private static final String PERMIT = "zestCallPermit";
    private static final RetryAfterDelay RETRY_AFTER = new RetryAfterDelay();

    private CallPermits() {
    }

    /**
     * Before an attempt is sent (the first one, or a redelivery: {@link #reacquire}): waits for room. The attempt's
     * batch counts as sent from here ({@link SentBatches}).
     */
    static void acquire(Exchange exchange) throws InterruptedException {
        FileRun<?> run = FileDropImport.runOf(exchange);
        long batch = batchOf(exchange);
        // counted before the permit is taken: a stop closes the limit first, then waits, so it cannot miss an attempt
        // that got its permit just before the close
        run.sentBatches().sending(batch);
        InFlightLimit.Permit permit = run.callLimit().acquire();
        if (permit == null) {
            // the import ended meanwhile (stopped, or another batch failed): the batch that ended it reports it, and
            // the stop waits for no answer of this batch, which fails here
            run.sentBatches().settled(batch);
            throw new ImportInterruptedException("the import of " + run.fileName() + " ended before this batch was sent");
        }
        exchange.setVariable(PERMIT, permit);
    }

    /**
     * Before Camel redelivers an attempt ({@code onRedelivery}): waits for room as {@link #acquire} does. When there
     * is none (the import ended meanwhile, or the wait failed), the redelivery is not sent and fails with that: Camel
     * sends a redelivery whatever its {@code onRedelivery} step threw, unless the exchange is marked to stop. (It
     * did: every remaining redelivery of a call went to Zest after the import ended, without a permit, and not
     * awaited by the stop.)
     */
    static void reacquire(Exchange exchange) {
        try {
            acquire(exchange);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notRedelivered(exchange, e);
        } catch (RuntimeException e) {
            notRedelivered(exchange, e);
        }
    }

    private static void notRedelivered(Exchange exchange, Exception failure) {
        exchange.setException(failure);
        exchange.setRouteStop(true);
    }

    /** The attempt was answered: its permit goes back and its latency counts. */
    static void answered(Exchange exchange) {
        InFlightLimit.Permit permit = takePermit(exchange);
        if (permit != null) {
            FileDropImport.runOf(exchange).callLimit().answered(permit, true);
        }
    }

    /**
     * The attempt failed ({@code onExceptionOccurred}, before the error handler decides about a redelivery): its
     * permit goes back; Zest overloaded (429, 503) lowers the limit and holds new attempts back for its
     * {@code Retry-After}, which the redelivery waits too ({@link RetryAfterDelay}).
     */
    static void failed(Exchange exchange) throws Exception {
        RETRY_AFTER.process(exchange);
        InFlightLimit.Permit permit = takePermit(exchange);
        if (permit == null) {
            return;
        }
        FileRun<?> run = FileDropImport.runOf(exchange);
        run.sentBatches().attemptFailed(batchOf(exchange));
        ZestApiException failure = exchange.getException(ZestApiException.class);
        if (failure != null && isOverload(failure.getStatusCode())) {
            run.callLimit().overloaded(permit, failure.getRetryAfter().orElse(null));
        } else {
            run.callLimit().release();
        }
    }

    private static InFlightLimit.Permit takePermit(Exchange exchange) {
        InFlightLimit.Permit permit = exchange.getVariable(PERMIT, InFlightLimit.Permit.class);
        if (permit != null) {
            exchange.removeVariable(PERMIT);
        }
        return permit;
    }

    private static long batchOf(Exchange exchange) {
        return exchange.getVariable(FileDropImport.CALL, Call.class).batch();
    }

    private static boolean isOverload(int status) {
        return status == 429 || status == 503;
    }
}
