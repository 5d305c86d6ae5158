package dev.camelzest.routes.filedrop;

import java.time.Duration;
import java.util.Collection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * A flow's Micrometer meters, in the registry Camel's own micrometer support uses (bean {@code metricsRegistry},
 * created and bound when absent); {@code <flow>} is the flow's {@link FileDropFlow#meterName()}
 * ({@code investor}, {@code subscription}):
 * <ul>
 * <li>{@code zest.<flow>.import.rows} (counter; tags {@code route}, {@code status}: read, sent and each
 * {@link RowStatus#value()})</li>
 * <li>{@code zest.<flow>.import.files} (counter; tags {@code route}, {@code outcome}: seen when picked up, then
 * completed, rejected or stopped)</li>
 * <li>{@code zest.<flow>.import.duration} (timer of whole files; tag {@code route})</li>
 * <li>{@code zest.<flow>.import.rows.in.flight} (gauge; tag {@code route}): rows handed to Zest calls and not yet
 * recorded, over the files being imported</li>
 * </ul>
 * Per-file numbers go to the log (progress lines and the summary); per-file meters would grow without bound.
 */
public final class ImportMetrics {

    private final MeterRegistry registry;
    private final String rows;
    private final String files;
    private final String duration;
    private final String rowsInFlight;

    ImportMetrics(MeterRegistry registry, String flow) {
        this.registry = registry;
        this.rows = rowsMeter(flow);
        this.files = filesMeter(flow);
        this.duration = "zest." + flow + ".import.duration";
        this.rowsInFlight = rowsInFlightMeter(flow);
    }

    public static String rowsMeter(String flow) {
        return "zest." + flow + ".import.rows";
    }

    public static String rowsInFlightMeter(String flow) {
        return "zest." + flow + ".import.rows.in.flight";
    }

    public static String filesMeter(String flow) {
        return "zest." + flow + ".import.files";
    }

    static ImportMetrics of(CamelContext camelContext, String flow) {
        return new ImportMetrics(registry(camelContext), flow);
    }

    public static synchronized MeterRegistry registry(CamelContext camelContext) {
        String name = MicrometerConstants.METRICS_REGISTRY_NAME;
        MeterRegistry registry = MicrometerUtils.getMeterRegistryFromCamelRegistry(camelContext.getRegistry(), name);
        if (registry == null) {
            registry = MicrometerUtils.createMeterRegistry();
            camelContext.getRegistry().bind(name, MeterRegistry.class, registry);
        }
        return registry;
    }

    void rows(String routeId, String status, long count) {
        if (count > 0) {
            Counter.builder(rows).tag("route", routeId).tag("status", status).register(registry).increment(count);
        }
    }

    /** The route's rows in flight: the sum over its files being imported, read at each scrape. */
    void rowsInFlight(String routeId, Collection<? extends FileRun<?>> running) {
        Gauge.builder(rowsInFlight, running, runs -> runs.stream().mapToLong(FileRun::rowsInFlight).sum())
                .description("Rows sent to Zest and not yet recorded").tag("route", routeId)
                .strongReference(true).register(registry);
    }

    /** A file was picked up and its import begins (outcome {@code seen}; the others follow when it ends). */
    void fileSeen(String routeId) {
        Counter.builder(files).tag("route", routeId).tag("outcome", "seen").register(registry).increment();
    }

    void file(String routeId, String outcome, Duration took) {
        Counter.builder(files).tag("route", routeId).tag("outcome", outcome).register(registry).increment();
        Timer.builder(duration).tag("route", routeId).register(registry).record(took);
    }
}
