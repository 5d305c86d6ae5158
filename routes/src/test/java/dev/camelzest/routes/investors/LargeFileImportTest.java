package dev.camelzest.routes.investors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.ForkedJvm;
import dev.camelzest.routes.testing.ImportProcess;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 100,000-row file through SFTP in a JVM limited to 128 MB of heap, with the zest: component, its HTTP client and
 * JSON talking to the sandbox: memory stays flat, every row is answered.
 */
class LargeFileImportTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    private static final int ROWS = 100_000;

    @TempDir
    Path temp;

    @Test
    void hundredThousandRowsInA128MegabyteHeap() throws Exception {
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("sftp-root"))
                .passwordUser("acme", "secret").build().start()) {
            Path inbox = sftp.rootDirectory().resolve("inbox");
            writeLargeFile(inbox.resolve("large.csv"));
            Process process = ForkedJvm.start(ImportProcess.class, "128m", temp.resolve("import.log"), List.of(
                    "zest=" + SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys")), "batchSize=1000",
                    "host=" + sftp.host(), "port=" + sftp.port(), "username=acme", "password=secret",
                    "knownHostsFile=" + sftp.knownHostsFile(), "useUserKnownHostsFile=false", "directory=inbox",
                    "dataDirectory=" + temp.resolve("data"), "pollDelay=200", "initialPollDelay=0",
                    "readLockCheckInterval=200",
                    "progressInterval=500ms"));
            try {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                        .until(() -> Files.exists(inbox.resolve("done/large.csv")) || !process.isAlive());
                assertThat(process.isAlive()).as("the import JVM is still running (see import.log)").isTrue();
            } finally {
                process.destroyForcibly().waitFor();
            }
            Path results = inbox.resolve("results/large.results.csv");
            try (Stream<String> lines = Files.lines(results)) {
                assertThat(lines.skip(1).filter(line -> line.contains(",created,")).count()).isEqualTo(ROWS);
            }
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(ROWS);
            assertThat(Files.readString(inbox.resolve("results/large.summary.json")))
                    .contains("\"rows\" : " + ROWS, "\"created\" : " + ROWS);
            assertThat(Files.readString(temp.resolve("import.log")))
                    .contains("Investor file large.csv: importing 100000 rows", "of 100000 rows read",
                            "Investor file large.csv completed: 100000 rows");
        }
    }

    private static void writeLargeFile(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(".large.tmp");
        try (BufferedWriter out = Files.newBufferedWriter(temp)) {
            out.write(InvestorFiles.HEADER);
            out.newLine();
            for (int n = 1; n <= ROWS; n++) {
                out.write(InvestorFiles.row(n));
                out.newLine();
            }
        }
        Files.move(temp, file);
    }
}
