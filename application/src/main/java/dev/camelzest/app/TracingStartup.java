package dev.camelzest.app;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Tracing is off unless {@value #ENABLED} is true. Then camel-opentelemetry2 traces the routes and the zest: calls,
 * and OpenTelemetry's SDK is configured by the standard OpenTelemetry settings ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_SERVICE_NAME}, {@code OTEL_TRACES_SAMPLER}, ..., or the same as {@code -Dotel.*} properties): this
 * switches the SDK's own configuration on and gives the settings it needs a default when they are not set. Metrics
 * and logs stay with Prometheus and the log, so their OpenTelemetry exporters default to none.
 */
final class TracingStartup extends MainListenerSupport {

    static final String ENABLED = "app.tracing.enabled";
    private static final Map<String, String> DEFAULTS = Map.of(
            "otel.java.global-autoconfigure.enabled", "true",
            "otel.service.name", "camel-zest",
            "otel.metrics.exporter", "none",
            "otel.logs.exporter", "none");

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        apply(main.getCamelContext().getPropertiesComponent().resolveProperty(ENABLED).orElse("false"));
    }

    /** With tracing on ({@code enabled} true), the SDK's settings that are not set yet get their defaults. */
    static void apply(String enabled) {
        if (Boolean.parseBoolean(enabled.strip())) {
            DEFAULTS.forEach(TracingStartup::defaultTo);
        }
    }

    static Map<String, String> defaults() {
        return DEFAULTS;
    }

    /** Sets the system property unless it, or its environment variable (OTEL_SERVICE_NAME), is set already. */
    private static void defaultTo(String property, String value) {
        String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        if (System.getProperty(property) == null && System.getenv(variable) == null) {
            System.setProperty(property, value);
        }
    }
}
