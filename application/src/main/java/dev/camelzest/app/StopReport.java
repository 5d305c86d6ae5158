package dev.camelzest.app;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import dev.camelzest.routes.filedrop.ImportProgress;
import org.apache.camel.CamelContext;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.spi.InflightRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log that the application stops (a SIGTERM, a stop request), what was in flight when it began (the
 * exchanges of each route, with how far each file's import was) and how it ended: everything finished, or the
 * shutdown timeout ran out. Without it a graceful stop and a crash look the same in the log: it just ends.
 */
final class StopReport extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(StopReport.class);

    /** When Main began to stop; 0 while it has not (a start that failed stops the context without it). */
    private volatile long stopBegan;

    @Override
    public void beforeStop(BaseMainSupport main) {
        stopBegan = System.nanoTime();
        CamelContext camelContext = main.getCamelContext();
        String inFlight = describe(camelContext.getInflightRepository());
        LOG.info("camel-zest is stopping ({} s at most for what is in flight): {}",
                camelContext.getShutdownStrategy().getTimeout(), inFlight.isEmpty() ? "nothing in flight" : inFlight);
    }

    /** How the stop ended is logged when the context has stopped ({@link ContextStopped}). */
    @Override
    public void beforeStart(BaseMainSupport main) {
        ContextStopped.then(main.getCamelContext(), this::stopped);
    }

    private void stopped(CamelContext camelContext) {
        if (stopBegan == 0) {
            return;
        }
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopBegan);
        if (camelContext.getShutdownStrategy().isTimeoutOccurred()) {
            LOG.warn("camel-zest stopped after {} ms: the shutdown timeout ran out and what was still in flight was"
                     + " cut short; its files stay in their directories and are imported again from the ledger's"
                     + " record, and Zest delivers unacknowledged webhooks again", took);
        } else {
            LOG.info("camel-zest stopped after {} ms: everything in flight finished", took);
        }
    }

    /** {@code zest-investors: 1 exchange (investors.csv: 1200 of 5000 rows read, 1100 sent); zest-events: 2 exchanges}. */
    static String describe(InflightRepository inflight) {
        Map<String, Integer> exchanges = new LinkedHashMap<>();
        Map<String, Set<String>> imports = new LinkedHashMap<>();
        for (InflightRepository.InflightExchange exchange : inflight.browse()) {
            String route = exchange.getFromRouteId() == null ? "(no route)" : exchange.getFromRouteId();
            exchanges.merge(route, 1, Integer::sum);
            ImportProgress.of(exchange.getExchange())
                    .ifPresent(progress -> imports.computeIfAbsent(route, r -> new LinkedHashSet<>()).add(progress));
        }
        StringBuilder text = new StringBuilder();
        exchanges.forEach((route, count) -> {
            text.append(text.length() == 0 ? "" : "; ").append(route).append(": ").append(count)
                    .append(count == 1 ? " exchange" : " exchanges");
            Set<String> files = imports.get(route);
            if (files != null) {
                text.append(" (").append(String.join(", ", files)).append(')');
            }
        });
        return text.toString();
    }
}
