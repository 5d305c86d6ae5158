package dev.camelzest.routes.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main class in a JVM of its own, with the test classpath and a heap limit. */
public final class ForkedJvm {

    private ForkedJvm() {
    }

    public static Process start(Class<?> mainClass, String maxHeap, Path output, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + maxHeap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        // the test classpath's logback-test.xml would otherwise truncate the suite's own log file
        command.add("-Droutes.suiteLog=" + output.toAbsolutePath() + ".suite.log");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
