package dev.camelzest.component.metrics;

import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

/**
 * Finds the runtime's meter registry, as camel-micrometer does: the bean {@code metricsRegistry} (Camel Main's
 * {@code camel.metrics.*} binds its Prometheus registry under that name), else the only {@link MeterRegistry} bean,
 * else the composite one (Spring Boot Actuator's). The component never creates a registry of its own: meters no one
 * scrapes would only cost memory. Micrometer is an optional dependency, so this class is loaded only after
 * {@link #micrometerPresent()} said it is on the class path.
 */
final class MeterRegistryLookup {

    static final String REGISTRY_NAME = "metricsRegistry";
    private static final boolean MICROMETER = micrometerPresent();

    private MeterRegistryLookup() {
    }

    static ZestMetrics metricsOf(CamelContext camelContext) {
        if (!MICROMETER) {
            return ZestMetrics.NONE;
        }
        MeterRegistry registry = find(camelContext.getRegistry());
        return registry == null ? ZestMetrics.NONE : new MicrometerZestMetrics(registry);
    }

    static MeterRegistry find(Registry beans) {
        MeterRegistry named = beans.lookupByNameAndType(REGISTRY_NAME, MeterRegistry.class);
        if (named != null) {
            return named;
        }
        Set<MeterRegistry> all = beans.findByType(MeterRegistry.class);
        if (all.size() == 1) {
            return all.iterator().next();
        }
        return all.stream().filter(CompositeMeterRegistry.class::isInstance).findFirst().orElse(null);
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.MeterRegistry", false, MeterRegistryLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
