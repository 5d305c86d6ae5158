package dev.camelzest.routes.filedrop;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Gauge;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.file.GenericFile;
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
 * Only files the route's {@code include} and {@code exclude} select count (Camel asks the filter before it applies
 * them): a stray file the route never takes is not a file waiting. Zero when nothing waits.
 * <p>
 * Every drop directory's consumer filter reports to one: {@link StoppedFiles} (investors, subscriptions), the
 * documents' waiting receipts, {@link ListedFiles} (SPV requests).
 */
public final class FileBacklog {

    public static final String METER = "zest.files.oldest.age";

    private final CamelContext camelContext;
    private final GenericFileFilter<?> filter;
    private final Clock clock;
    private final Map<String, Listed> files = new ConcurrentHashMap<>();
    /** The polling consumer of the filter's route, found at the first listing (when the gauge is registered). */
    private volatile ScheduledPollConsumer consumer;
    /** The endpoint of that consumer, whose include and exclude patterns select the files that count. */
    private volatile GenericFileEndpoint<?> endpoint;

    /** The backlog of the directory whose consumer has {@code filter} as its filter (found at the first listing). */
    public static FileBacklog of(CamelContext camelContext, GenericFileFilter<?> filter) {
        return new FileBacklog(camelContext, filter, Clock.systemUTC());
    }

    FileBacklog(CamelContext camelContext, GenericFileFilter<?> filter, Clock clock) {
        this.camelContext = camelContext;
        this.filter = filter;
        this.clock = clock;
    }

    /** A poll of the directory lists this file (the filter is asked about it). */
    public void listed(GenericFile<?> file) {
        listed(file.getRelativeFilePath(), file.getFileNameOnly(), file.getLastModified());
    }

    void listed(String fileName, String nameOnly, long lastModified) {
        ScheduledPollConsumer source = consumer();
        if (source != null && selects(nameOnly)) {
            files.put(fileName, new Listed(lastModified, source.getCounter()));
        }
    }

    /** Whether the route takes a file of this name, as Camel matches it (exclude first). */
    private boolean selects(String nameOnly) {
        Pattern exclude = endpoint.getExcludePattern();
        Pattern include = endpoint.getIncludePattern();
        return (exclude == null || !exclude.matcher(nameOnly).matches())
                && (include == null || include.matcher(nameOnly).matches());
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
                this.endpoint = endpoint;
                return polling;
            }
        }
        return null;
    }

    /** When a file was last modified, and the poll (the consumer's run count) that last listed it. */
    private record Listed(long lastModified, long poll) {
    }
}
