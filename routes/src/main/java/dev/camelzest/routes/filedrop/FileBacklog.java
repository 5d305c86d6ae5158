package dev.camelzest.routes.filedrop;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileFilter;
import org.apache.camel.support.ScheduledPollConsumer;

/**
 * The "is it stuck?" gauge of one source directory, {@value #METER} (seconds; tags {@code route},
 * {@code directory}): how long the oldest file in the directory has been there (since it was last modified), as the
 * route's own polls list it. It costs no listing of its own: the directory's filter reports each file it is shown
 * ({@link #listed}). A file counts until a poll that succeeded after it was last shown no longer lists it (it was
 * imported and moved, or removed); while polls fail (a login refused, the server down), the files last seen keep
 * counting, so the age goes on growing. A file held back after a stopped import counts too: it is still waiting.
 * Zero when nothing waits.
 */
public final class FileBacklog {

    public static final String METER = "zest.files.oldest.age";

    private final CamelContext camelContext;
    private final GenericFileFilter<?> filter;
    private final Clock clock;
    private final Map<String, Listed> files = new ConcurrentHashMap<>();
    /** The polling consumer of the filter's route, found at the first listing (when the gauge is registered). */
    private volatile ScheduledPollConsumer consumer;

    FileBacklog(CamelContext camelContext, GenericFileFilter<?> filter, Clock clock) {
        this.camelContext = camelContext;
        this.filter = filter;
        this.clock = clock;
    }

    /** A poll of the directory lists this file. */
    void listed(String fileName, long lastModified) {
        ScheduledPollConsumer source = consumer();
        if (source != null) {
            files.put(fileName, new Listed(lastModified, source.getCounter()));
        }
    }

    /** Seconds since the oldest waiting file was last modified; 0 when none waits. */
    double oldestAgeSeconds() {
        ScheduledPollConsumer source = consumer;
        if (source == null) {
            return 0;
        }
        if (source.getErrorCounter() == 0) {
            long poll = source.getCounter();
            // the poll running now may not have reached the file yet: gone only when a later poll completed
            files.values().removeIf(listed -> listed.poll() < poll - 1);
        }
        long oldest = files.values().stream().mapToLong(Listed::lastModified).min().orElse(Long.MAX_VALUE);
        return oldest == Long.MAX_VALUE ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }

    private ScheduledPollConsumer consumer() {
        ScheduledPollConsumer found = consumer;
        if (found == null) {
            synchronized (this) {
                if (consumer == null) {
                    consumer = register();
                }
                found = consumer;
            }
        }
        return found;
    }

    /** Finds the route this filter polls for and registers the gauge, tagged with its id and directory. */
    private ScheduledPollConsumer register() {
        for (Route route : camelContext.getRoutes()) {
            if (route.getConsumer() instanceof ScheduledPollConsumer polling
                    && route.getEndpoint() instanceof GenericFileEndpoint<?> endpoint && endpoint.getFilter() == filter) {
                Gauge.builder(METER, this, FileBacklog::oldestAgeSeconds)
                        .description("Age of the oldest file waiting in a source directory").baseUnit("seconds")
                        .tag("route", route.getRouteId()).tag("directory", endpoint.getConfiguration().getDirectory())
                        .strongReference(true).register(ImportMetrics.registry(camelContext));
                return polling;
            }
        }
        return null;
    }

    /** When a file was last modified, and the poll (the consumer's run count) that last listed it. */
    private record Listed(long lastModified, long poll) {
    }
}
