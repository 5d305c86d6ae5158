package dev.camelzest.routes.filedrop;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * The files a route is importing, whose rows in flight ({@link FileRun#rowsInFlight()}) its gauge adds up
 * ({@link ImportMetrics#rowsInFlight}, registered at the route's first file).
 */
final class RowsInFlight {

    private final ImportMetrics metrics;
    private final Set<FileRun<?>> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean measured = new AtomicBoolean();

    RowsInFlight(ImportMetrics metrics) {
        this.metrics = metrics;
    }

    /** The file's rows count until its exchange is done, however its import ends. */
    void count(Exchange fileExchange, FileRun<?> run) {
        if (measured.compareAndSet(false, true)) {
            metrics.rowsInFlight(fileExchange.getFromRouteId(), running);
        }
        running.add(run);
        fileExchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onDone(Exchange done) {
                running.remove(run);
            }
        });
    }
}
