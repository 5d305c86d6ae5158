package dev.camelzest.routes.investors;

import static dev.camelzest.routes.testing.InvestorFiles.cleanCsv;
import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static dev.camelzest.routes.testing.InvestorFiles.readResults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.stream.Stream;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import dev.camelzest.routes.testing.LedgerDatabase;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.SftpKeys;
import dev.camelzest.routes.testing.WarningLog;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The SFTP source against a real SFTP server on loopback, host-key checking on; the ledger on H2 and on PostgreSQL. */
@ParameterizedClass
@EnumSource(LedgerDatabase.class)
class SftpInvestorImportTest {

    @Parameter
    LedgerDatabase database;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private final KeyPair clientKey = SftpKeys.generate();
    private EmbeddedSftpServer sftp;
    private DefaultCamelContext camel;
    private Ledger ledger;

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        sftp = EmbeddedSftpServer.builder()
                .rootDirectory(temp.resolve("sftp-root"))
                .hostKeyFile(temp.resolve("sftp/host-key.pem"))
                .passwordUser("acme", "s3cret&+=")
                .publicKeyUser("acme-bot", clientKey.getPublic())
                .build()
                .start();
        ledger = database.open(temp.resolve("data"));
        camel = TemplateCamel.start(ledger, new InvestorImportTemplates());
    }

    @AfterEach
    void stop() {
        camel.stop();
        ledger.close();
        sftp.close();
    }

    private TemplatedRouteBuilder route(String routeId, String directory) {
        return TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.SFTP)
                .routeId(routeId)
                .parameter("host", sftp.host())
                .parameter("port", String.valueOf(sftp.port()))
                .parameter("directory", directory)
                .parameter("knownHostsFile", sftp.knownHostsFile().toString())
                .parameter("useUserKnownHostsFile", "false")
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("zest-keys")))
                .parameter("batchSize", "4")
                .parameter("pollDelay", "200")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "300");
    }

    @Test
    void passwordLoginImportsAndWritesResultsBackOnTheServer() {
        route("sftp-password", "inbox").parameter("username", "acme").parameter("password", "s3cret&+=").add();
        Path inbox = sftp.rootDirectory().resolve("inbox");
        drop(inbox, "daily.csv", cleanCsv(1, 9));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/daily.csv")));
        assertThat(inbox.resolve("daily.csv")).doesNotExist();
        assertThat(readResults(inbox.resolve("results/daily.results.csv")))
                .extracting(r -> r.get("status")).hasSize(9).containsOnly("created");
        assertThat(inbox.resolve("results/daily.summary.json")).exists();
        assertThat(ledger.investors().count()).isEqualTo(9);
    }

    /**
     * The connection drops part-way through the download: nothing of the partial file is imported, the next poll
     * takes it whole.
     */
    @Test
    void aConnectionDroppedMidFileImportsTheWholeFileOnceLater() {
        route("sftp-dropped", "dropped").parameter("username", "acme").parameter("password", "s3cret&+=")
                .parameter("batchSize", "100").add();
        Path inbox = sftp.rootDirectory().resolve("dropped");
        String content = cleanCsv(1, 2_000);
        sftp.dropConnectionOnceWhileReading("big.csv", content.length() / 2);
        drop(inbox, "big.csv", content);

        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done/big.csv")));
        assertThat(sftp.droppedConnections()).isEqualTo(1);
        assertThat(readResults(inbox.resolve("results/big.results.csv"))).hasSize(2_000)
                .extracting(r -> r.get("status")).containsOnly("created");
        assertThat(inbox.resolve("done/big.csv")).hasContent(content);
        assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(2_000);
        assertThat(ledger.investors().count()).isEqualTo(2_000);
    }

    /**
     * The results cannot be written back: the input stays where it was until they can, and nothing is imported
     * twice.
     */
    @Test
    void aFailedResultsWriteBackLeavesTheInputInPlaceUntilItSucceeds() throws Exception {
        Path inbox = sftp.rootDirectory().resolve("held");
        Files.createDirectories(inbox.resolve("results"));
        sftp.refuseWritesUnder("held/results");
        try (WarningLog warnings = WarningLog.open()) {
            route("sftp-held", "held").parameter("username", "acme").parameter("password", "s3cret&+=").add();
            drop(inbox, "held.csv", cleanCsv(1, 6));

            await().atMost(Duration.ofSeconds(30)).until(() -> warnings.lines().stream()
                    .anyMatch(line -> line.contains("Investor file held") && line.contains("stopped")));
            assertThat(inbox.resolve("held.csv")).exists();
            assertThat(inbox.resolve("done")).doesNotExist();
            assertThat(inbox.resolve("results/held.results.csv")).doesNotExist();

            sftp.refuseWritesUnder(null);
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/held.csv")));
            assertThat(readResults(inbox.resolve("results/held.results.csv"))).hasSize(6);
            assertThat(SANDBOX.sandbox().context().state().persons().size()).isEqualTo(6);
            assertThat(ledger.investors().count()).isEqualTo(6);
        }
    }

    @Test
    void aSecondFileOfTheSameNameReplacesNothingOnTheServer() throws Exception {
        route("sftp-again", "again").parameter("username", "acme").parameter("password", "s3cret&+=").add();
        Path inbox = sftp.rootDirectory().resolve("again");
        drop(inbox, "daily.csv", cleanCsv(1, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/daily.csv")));
        drop(inbox, "daily.csv", cleanCsv(1, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/daily-2.csv")));
        assertThat(inbox.resolve("done/daily.csv")).content().hasLineCount(3);
        assertThat(inbox.resolve("done/daily-2.csv")).content().hasLineCount(4);
        assertThat(readResults(inbox.resolve("results/daily.results.csv"))).hasSize(2);
        try (Stream<Path> results = Files.list(inbox.resolve("results"))) {
            assertThat(results.map(p -> p.getFileName().toString()))
                    .filteredOn(name -> name.matches("daily\\.\\d{8}T\\d{6}Z\\.(results\\.csv|errors\\.csv|summary\\.json)"))
                    .hasSize(3);
        }
    }

    @Test
    void privateKeyLoginImports() {
        Path key = SftpKeys.writePrivateKey(clientKey, temp.resolve("keys/acme-bot.pem"));
        route("sftp-key", "keyed").parameter("username", "acme-bot").parameter("privateKeyFile", key.toString())
                .add();
        Path inbox = sftp.rootDirectory().resolve("keyed");
        drop(inbox, "keyed.csv", cleanCsv(100, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("done/keyed.csv")));
        assertThat(readResults(inbox.resolve("results/keyed.results.csv"))).hasSize(3);
    }

    @Test
    void anUnknownHostKeyIsRefused() throws Exception {
        database.skipOnPostgresql();
        Path otherHosts = temp.resolve("other_known_hosts");
        EmbeddedSftpServer impostor = EmbeddedSftpServer.builder()
                .rootDirectory(temp.resolve("impostor-root"))
                .hostKeyFile(temp.resolve("impostor/host-key.pem"))
                .knownHostsFile(otherHosts)
                .build()
                .start();
        impostor.close();
        // the right host and port, but a known_hosts line with another key
        Files.writeString(otherHosts, Files.readString(sftp.knownHostsFile()).replaceFirst(" .*",
                " " + org.apache.sshd.common.config.keys.PublicKeyEntry.toString(impostor.hostKey())));
        try (WarningLog warnings = WarningLog.open()) {
            route("sftp-impostor", "guarded").parameter("username", "acme").parameter("password", "s3cret&+=")
                    .parameter("knownHostsFile", otherHosts.toString()).add();
            Path inbox = sftp.rootDirectory().resolve("guarded");
            drop(inbox, "guarded.csv", cleanCsv(1, 2));

            // the reason the file is not taken: the server's host key is not the known one
            await().atMost(Duration.ofSeconds(20)).until(() -> warnings.lines().stream()
                    .anyMatch(line -> line.contains("HostKey has been changed")));
            assertThat(inbox.resolve("guarded.csv")).exists();
            assertThat(inbox.resolve("results")).doesNotExist();
            assertThat(SandboxZest.bulkCalls(SANDBOX)).isEmpty();
        }
    }

    @Test
    void aLoginThatKeepsFailingBacksOffQuietlyAndLogsNoPassword() {
        database.skipOnPostgresql();
        try (WarningLog warnings = WarningLog.open()) {
            route("sftp-wrong-password", "inbox").parameter("username", "acme").parameter("password", "wr0ng&pw")
                    .add();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) camel.getRoute("sftp-wrong-password")
                    .getConsumer();

            // three failed logins in a row, then polls are skipped instead of tried (and warned about) again
            await().atMost(Duration.ofSeconds(40)).until(() -> consumer.getBackoffCounter() > 0);
            assertThat(consumer.getErrorCounter()).isGreaterThanOrEqualTo(3);
            assertThat(warnings.lines()).isNotEmpty().noneMatch(line -> line.contains("wr0ng"));
        }
        assertThat(SandboxZest.bulkCalls(SANDBOX)).isEmpty();
    }
}
