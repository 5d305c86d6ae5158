package dev.camelzest.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed properties class is what the current catalog renders; -Dzest.regenerate=true rewrites it. */
class GeneratedConfigurationTest {

    @Test
    void starterConfigurationMatchesTheComponentCatalog() throws IOException {
        Path target = Path.of(ComponentConfigurationSource.TARGET);
        String rendered = ComponentConfigurationSource.render();
        if (Boolean.getBoolean("zest.regenerate")) {
            Files.writeString(target, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(target, StandardCharsets.UTF_8))
                .as("ZestComponentConfiguration is stale: regenerate it (see its javadoc)")
                .isEqualTo(rendered);
    }
}
