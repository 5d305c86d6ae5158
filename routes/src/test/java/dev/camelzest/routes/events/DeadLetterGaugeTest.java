package dev.camelzest.routes.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.testing.WarningLog;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterGaugeTest {

    @TempDir
    Path deadLetters;

    @Test
    void countsTheLettersWaitingNotTheReplayedOnes() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            DeadLetterGauge.register(camel, deadLetters);
            Files.writeString(deadLetters.resolve("spv_request.created--wde_1.json"), "{}");
            Files.writeString(deadLetters.resolve("spv_request.created--wde_2.json"), "{}");
            Files.createDirectories(deadLetters.resolve("replayed"));
            Files.writeString(deadLetters.resolve("replayed/spv_request.created--wde_0.json"), "{}");

            assertThat(ImportMetrics.registry(camel).get(DeadLetterGauge.METER)
                    .tag("directory", deadLetters.toString()).gauge().value()).isEqualTo(2.0);
        }
    }

    /** The events route and the replay route both register it: once, without Micrometer's warning of a second gauge. */
    @Test
    void registeredByTwoRoutesIsOneGaugeAndNoWarning() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext(); WarningLog log = WarningLog.open()) {
            DeadLetterGauge.register(camel, deadLetters);
            DeadLetterGauge.register(camel, deadLetters);

            assertThat(ImportMetrics.registry(camel).find(DeadLetterGauge.METER).gauges()).hasSize(1);
            assertThat(log.lines()).isEmpty();
        }
    }
}
