package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application started with configurations a partner gets wrong: each must end in one readable line
 * naming what to fix (no stack trace, no secret), or run with readiness saying what is down.
 */
class ConfigurationIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Map<String, String> NO_PROPERTIES = Map.of();

    @TempDir
    Path workDirectory;

    @Test
    void aRealSftpServerWithoutZestOrLedgerRefusesToStartNamingTheMissingSettings() throws Exception {
        try (AppProcess application = AppProcess.start(workDirectory, NO_PROPERTIES, Map.of(
                "SFTP_HOST", "sftp.acme.example", "SFTP_USERNAME", "zest", "SFTP_PASSWORD", "sftp-secret-value"))) {
            assertThat(application.exitWithin(START)).isEqualTo(2);
            String output = application.output();
            assertThat(output).contains("camel-zest: cannot start: refusing to start with a mix of real and missing"
                    + " counterparts: zest needs zest.base-url, zest.client-id, zest.issuer, zest.private-key,"
                    + " zest.webhook.secret; ledger needs zest.ledger.jdbc-url")
                    .contains("app.embedded=zest,ledger")
                    .doesNotContain("Zest sandbox").doesNotContain("\tat ").doesNotContain("sftp-secret-value");
            assertThat(workDirectory.resolve("data")).doesNotExist();
        }
    }

    @Test
    void aWrongLedgerPasswordIsOneLineNamingTheSetting() throws Exception {
        String url = "jdbc:h2:file:" + workDirectory.resolve("ledger-db/ledger");
        try (Connection created = DriverManager.getConnection(url, "zest", "right-ledger-password")) {
            created.isValid(1);
        }
        try (AppProcess application = AppProcess.start(workDirectory, Map.of("app.demo.enabled", "false"), Map.of(
                "APP_EMBEDDED", "zest,sftp", "ZEST_LEDGER_JDBC_URL", url, "ZEST_LEDGER_USERNAME", "zest",
                "ZEST_LEDGER_PASSWORD", "wrong-ledger-password"))) {
            assertThat(application.exitWithin(START)).isEqualTo(2);
            String output = application.output();
            assertThat(output).contains("camel-zest: cannot start: the ledger at " + url + " refused the connection as"
                    + " 'zest'").contains("(check zest.ledger.username and zest.ledger.password)")
                    .doesNotContain("HikariPool").doesNotContain("\tat ").doesNotContain("wrong-ledger-password");
        }
    }

    @Test
    void aTakenWebhookPortEndsTheStartWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             AppProcess application = AppProcess.start(workDirectory,
                     Map.of("zest.webhook.port", String.valueOf(taken.getLocalPort())), NO_PROPERTIES)) {
            assertThat(application.exitWithin(START)).isEqualTo(2);
            assertThat(application.output()).contains("camel-zest: cannot start: cannot listen on 127.0.0.1:"
                    + taken.getLocalPort()).contains("zest.webhook.port").doesNotContain("\tat ");
        }
    }

    /**
     * Embedded Zest and ledger asked for explicitly next to a real SFTP server with a wrong password: the
     * application runs, says in one line that the login fails, and its readiness is DOWN on the named check. The
     * developer console, switched on here, warns loudly and masks every secret it shows.
     */
    @Test
    void explicitlyEmbeddedPartsRunNextToARealSftpServerWhoseLoginFailureIsNamed() throws Exception {
        try (EmbeddedSftpServer sftp = EmbeddedSftpServer.builder().rootDirectory(workDirectory.resolve("partner-sftp"))
                .port(0).hostKeyFile(workDirectory.resolve("sftp-host-key.pem"))
                .knownHostsFile(workDirectory.resolve("known-hosts")).passwordUser("zest", "right-sftp-password")
                .build().start();
             AppProcess application = AppProcess.start(workDirectory, Map.of("app.dev-console.enabled", "true"), Map.of(
                     "APP_EMBEDDED", "zest,ledger", "ZEST_WEBHOOK_SECRET", "whsec_configuredsecretvalue",
                     "SFTP_HOST", "127.0.0.1", "SFTP_PORT", String.valueOf(sftp.port()), "SFTP_USERNAME", "zest",
                     "SFTP_PASSWORD", "wrong-sftp-password", "SFTP_KNOWN_HOSTS_FILE", sftp.knownHostsFile().toString()))) {
            await().atMost(START).ignoreExceptions().until(() -> {
                assertThat(application.process.isAlive()).as("running:\n%s", application.output()).isTrue();
                return application.output().contains("SFTP login to zest@127.0.0.1:" + sftp.port() + " failed")
                        && application.management("/observe/health").statusCode() > 0;
            });
            HttpResponse<String> readiness = application.management("/observe/health/ready?exposureLevel=full");
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"")
                    .contains("\"name\":\"sftp\",\"status\":\"DOWN\"").contains("\"name\":\"ledger\",\"status\":\"UP\"");

            String output = application.output();
            assertThat(output).contains("THE DEVELOPER CONSOLE IS ON (app.dev-console.enabled=true)")
                    .contains("check sftp.username, sftp.password").contains("camel-zest: Zest sandbox (embedded)");
            String properties = application.management("/q/dev/properties").body();
            assertThat(properties).contains("camel.component.zest.private-key = xxxxxx")
                    .doesNotContain("wrong-sftp-password").doesNotContain("whsec_configuredsecretvalue");
            assertThat(output).doesNotContain("wrong-sftp-password").doesNotContain("whsec_configuredsecretvalue")
                    .as("no stack trace repeating the login failure").doesNotContain("\tat ");
        }
    }
}
