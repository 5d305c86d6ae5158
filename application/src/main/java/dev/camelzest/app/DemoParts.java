package dev.camelzest.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.camel.main.MainListener;

/**
 * The demo's stand-ins for Zest and the SFTP server (the Zest sandbox, MINA SSHD and their dependencies) are not on
 * the application's class path: the build packages them into {@code demo-lib/} beside the jar, and they are loaded
 * through a class loader of their own, only when {@code app.embedded} asks for them. A production run never loads
 * them, and a production image can leave {@code demo-lib/} out. Classes the application has (Camel, Jackson,
 * Vert.x) come from the application, so both sides share one copy.
 */
final class DemoParts {

    static final String LISTENER = "dev.camelzest.fixtures.demo.DemoCounterparts";
    static final String DIRECTORY = "demo-lib";

    private DemoParts() {
    }

    static MainListener load() {
        Path directory = besideTheApplication();
        ClassLoader loader = Files.isDirectory(directory) ? isolated(directory) : DemoParts.class.getClassLoader();
        try {
            return (MainListener) Class.forName(LISTENER, true, loader).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new StartupRefused("embedded parts are asked for (" + AppProperties.EMBEDDED + ") but the demo parts"
                    + " are not installed: no " + directory + " (built by mvn package in application/target)");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot load the demo parts from " + directory, e);
        }
    }

    private static Path besideTheApplication() {
        try {
            Path code = Path.of(DemoParts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve(DIRECTORY);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClassLoader isolated(Path directory) {
        try (Stream<Path> jars = Files.list(directory)) {
            URL[] urls = jars.filter(jar -> jar.toString().endsWith(".jar")).sorted().map(DemoParts::url)
                    .toArray(URL[]::new);
            return new URLClassLoader("camel-zest-demo", urls, DemoParts.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + directory, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
