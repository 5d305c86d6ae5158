package dev.camelzest.routes.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster on a free loopback port, made with the server binaries of this machine
 * ({@code initdb}, {@code pg_ctl} on the PATH or under {@code /usr/lib/postgresql/<version>/bin}, as Debian's
 * {@code postgresql} package installs them). initdb refuses to run as root, so as root the cluster is made and run
 * as the unprivileged user {@code nobody}.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String USER = "zest";
    public static final String PASSWORD = "ledger-test-password";

    private final Path binDirectory;
    private final Path baseDirectory;
    private final int port;

    private PostgresCluster(Path binDirectory, Path baseDirectory, int port) {
        this.binDirectory = binDirectory;
        this.baseDirectory = baseDirectory;
        this.port = port;
    }

    /** Where initdb and pg_ctl are, if this machine has a PostgreSQL server. */
    public static Optional<Path> binaries() {
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path initdb = Path.of(entry, "initdb");
            if (Files.isExecutable(initdb) && Files.isExecutable(Path.of(entry, "pg_ctl"))) {
                return Optional.of(realParent(initdb));
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                    .max(Comparator.comparing(bin -> versionNumber(bin.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    private static int versionNumber(String name) {
        try {
            return Integer.parseInt(name);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public static PostgresCluster start(Path binDirectory) {
        try {
            Path base = Files.createTempDirectory("zest-ledger-pg");
            // the cluster user (nobody, when run as root) has to write here
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path passwordFile = Files.writeString(base.resolve("password"), PASSWORD + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-r--r--"));
            int port = freePort();
            PostgresCluster cluster = new PostgresCluster(binDirectory, base, port);
            cluster.run("initdb", "-D", cluster.dataDirectory().toString(), "-U", USER, "--pwfile=" + passwordFile,
                    "--auth-host=scram-sha-256", "--auth-local=trust", "-E", "UTF8", "--no-locale", "--no-sync");
            cluster.run("pg_ctl", "-D", cluster.dataDirectory().toString(), "-l", base.resolve("server.log").toString(),
                    "-o", "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off", "-w",
                    "start");
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private Path dataDirectory() {
        return baseDirectory.resolve("data");
    }

    private void run(String tool, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("runuser", "-u", "nobody", "--"));
        }
        command.add(binDirectory.resolve(tool).toString());
        command.addAll(Arrays.asList(arguments));
        Path output = baseDirectory.resolve(tool + ".out");
        Process process = new ProcessBuilder(command).directory(baseDirectory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(tool + " failed: " + Files.readString(output));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(tool + " was interrupted", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            run("pg_ctl", "-D", dataDirectory().toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteTree(baseDirectory);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
