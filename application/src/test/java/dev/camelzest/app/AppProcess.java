package dev.camelzest.app;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged application in its own JVM, in a directory of its own, as a partner runs it. */
final class AppProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Path directory;
    final Path output;
    final int webhookPort;
    final int managementPort;
    final Process process;

    private AppProcess(Path directory, int webhookPort, int managementPort, Process process) {
        this.directory = directory;
        this.output = directory.resolve("application.out");
        this.webhookPort = webhookPort;
        this.managementPort = managementPort;
        this.process = process;
    }

    /** Started with -D system properties and environment variables on top of the defaults. */
    static AppProcess start(Path directory, Map<String, String> systemProperties, Map<String, String> environment)
            throws IOException {
        int webhookPort = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Dzest.webhook.port=" + webhookPort, "-Dmanagement.port=" + managementPort));
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", Path.of(System.getProperty("app.jar")).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("application.out").toFile());
        builder.environment().putAll(environment);
        return new AppProcess(directory, webhookPort, managementPort, builder.start());
    }

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    /** The first group of the pattern's first match in the output; fails when it is not there. */
    String outputMatching(String pattern) throws IOException {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(pattern).matcher(output());
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in the output");
        }
        return matcher.group(1);
    }

    /** Waits for the process to end by itself; its exit status. */
    int exitWithin(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the application did not end within " + timeout);
        }
        return process.exitValue();
    }

    HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> management(String path) throws IOException, InterruptedException {
        return get(managementPort, path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
