package dev.camelzest.routes.events;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.camelzest.routes.filedrop.ImportMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;

/**
 * {@value #METER} (tag {@code directory}): the events waiting in a dead-letter directory, counted at each scrape
 * (the letters directly in it; replayed and invalid ones are moved to subdirectories). A count that does not go back
 * to zero means a partner system refuses events, and they are not reaching it.
 */
public final class DeadLetterGauge {

    public static final String METER = "zest.events.dead.letters";

    private DeadLetterGauge() {
    }

    /** Once per directory: the events route and the replay route both watch it (Micrometer warns on a second gauge). */
    static synchronized void register(CamelContext camelContext, Path directory) {
        MeterRegistry registry = ImportMetrics.registry(camelContext);
        if (registry.find(METER).tag("directory", directory.toString()).gauge() != null) {
            return;
        }
        Gauge.builder(METER, directory, DeadLetterGauge::waiting)
                .description("Undelivered events waiting in the dead-letter directory")
                .tag("directory", directory.toString()).strongReference(true)
                .register(registry);
    }

    static double waiting(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int count = 0;
        try (DirectoryStream<Path> letters = Files.newDirectoryStream(directory, "*.json")) {
            for (Path letter : letters) {
                if (Files.isRegularFile(letter)) {
                    count++;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return count;
    }
}
