package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The application jar holds production code only; the demo's stand-ins are beside it, in demo-lib/. */
class ApplicationJarIT {

    private static final List<String> DEMO_ONLY = List.of("dev/camelzest/sandbox/", "dev/camelzest/fixtures/",
            "org/apache/sshd/", "io/swagger/", "org/joda/", "com/google/i18n/phonenumbers/", "org/apache/http/",
            "org/junit/", "com/atlassian/oai/");

    @Test
    void theJarCarriesNeitherTheSandboxNorItsDependencies() throws IOException {
        try (JarFile jar = new JarFile(System.getProperty("app.jar"))) {
            List<String> entries = jar.stream().map(entry -> entry.getName()).toList();
            assertThat(entries).contains("dev/camelzest/app/ZestApplication.class");
            for (String prefix : DEMO_ONLY) {
                assertThat(entries).as("entries under " + prefix).noneMatch(name -> name.startsWith(prefix));
            }
        }
    }

    @Test
    void theDemoPartsAreBesideIt() throws IOException {
        Path demoLib = Path.of(System.getProperty("app.jar")).resolveSibling(DemoParts.DIRECTORY);
        try (Stream<Path> jars = Files.list(demoLib)) {
            assertThat(jars.map(jar -> jar.getFileName().toString()).toList())
                    .anyMatch(name -> name.startsWith("zest-test-fixtures-"))
                    .anyMatch(name -> name.startsWith("zest-sandbox-"))
                    .anyMatch(name -> name.startsWith("sshd-core-"))
                    .noneMatch(name -> name.startsWith("camel-"))
                    .noneMatch(name -> name.startsWith("junit-"));
        }
    }
}
