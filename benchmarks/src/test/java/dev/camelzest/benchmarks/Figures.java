package dev.camelzest.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Prints a benchmark's figures and appends them to target/benchmarks.txt, the record of the run. */
final class Figures {

    private static final Path RECORD = Path.of("target", "benchmarks.txt");

    private Figures() {
    }

    static void report(String line) {
        System.out.println("BENCHMARK " + line);
        try {
            Files.createDirectories(RECORD.getParent());
            Files.writeString(RECORD, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The system load average of the last minute: how busy the machine was with other work too. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static String ratio(double measured, double baseline) {
        return String.format("%.2fx", measured / baseline);
    }
}
