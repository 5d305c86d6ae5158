package dev.camelzest.routes.investors;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.MicrometerUtils;

/**
 * The import's Micrometer meters, in the registry Camel's own micrometer support uses (bean
 * {@code metricsRegistry}, created and bound when absent):
 * <ul>
 * <li>{@code zest.investor.import.rows} (counter; tags {@code route}, {@code status}: read, sent, created,
 * already_exists, failed, invalid)</li>
 * <li>{@code zest.investor.import.files} (counter; tags {@code route}, {@code outcome}: completed, rejected,
 * stopped)</li>
 * <li>{@code zest.investor.import.duration} (timer of whole files; tag {@code route})</li>
 * </ul>
 * Per-file numbers go to the log (progress lines and the summary); per-file meters would grow without bound.
 */
public final class ImportMetrics {

    public static final String ROWS = "zest.investor.import.rows";
    public static final String FILES = "zest.investor.import.files";
    public static final String DURATION = "zest.investor.import.duration";

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    static ImportMetrics of(CamelContext camelContext) {
        return new ImportMetrics(registry(camelContext));
    }

    static synchronized MeterRegistry registry(CamelContext camelContext) {
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
            Counter.builder(ROWS).tag("route", routeId).tag("status", status).register(registry).increment(count);
        }
    }

    void file(String routeId, String outcome, Duration duration) {
        Counter.builder(FILES).tag("route", routeId).tag("outcome", outcome).register(registry).increment();
        Timer.builder(DURATION).tag("route", routeId).register(registry).record(duration);
    }
}
