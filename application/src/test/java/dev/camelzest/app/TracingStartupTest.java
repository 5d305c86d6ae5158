package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TracingStartupTest {

    @AfterEach
    void clearProperties() {
        TracingStartup.defaults().keySet().forEach(System::clearProperty);
    }

    @Test
    void offByDefaultLeavesOpenTelemetryAlone() {
        TracingStartup.apply("false");

        assertThat(TracingStartup.defaults().keySet()).allSatisfy(name -> assertThat(System.getProperty(name)).isNull());
    }

    @Test
    void switchedOnTheSdkConfiguresItselfFromTheStandardSettingsAndExportsOnlyTraces() {
        System.setProperty("otel.service.name", "acme-zest");

        TracingStartup.apply("true");

        assertThat(System.getProperty("otel.java.global-autoconfigure.enabled")).isEqualTo("true");
        assertThat(System.getProperty("otel.service.name")).as("a setting made is kept").isEqualTo("acme-zest");
        assertThat(System.getProperty("otel.metrics.exporter")).isEqualTo("none");
    }
}
