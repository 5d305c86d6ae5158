package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import dev.camelzest.fixtures.sftp.EmbeddedSftpServer;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SftpLoginHealthCheckTest {

    @TempDir
    Path temp;
    private EmbeddedSftpServer server;

    @BeforeEach
    void sftpServer() {
        server = EmbeddedSftpServer.builder().rootDirectory(temp.resolve("root")).port(0)
                .hostKeyFile(temp.resolve("host-key.pem")).knownHostsFile(temp.resolve("known-hosts"))
                .passwordUser("zest", "right-password").build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWrongPasswordIsDownWithTheServersReasonAndOneLineNamingTheSettings() {
        SftpLoginHealthCheck check = check("wrong-password");
        HealthCheck.Result result = check.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(String.valueOf(result.getDetails().get("reason"))).containsIgnoringCase("auth");
        assertThat(result.getDetails().toString()).doesNotContain("wrong-password");
        assertThat(check.problem()).hasValueSatisfying(line -> assertThat(line)
                .contains("SFTP login to zest@127.0.0.1:" + server.port() + " failed")
                .contains("sftp.password").doesNotContain("wrong-password").doesNotContain("\n"));
        assertThat(check.isReadiness()).isTrue();
        assertThat(check.isLiveness()).isFalse();
    }

    @Test
    void theRightPasswordIsUp() {
        SftpLoginHealthCheck check = check("right-password");
        assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(check.problem()).isEmpty();
    }

    private SftpLoginHealthCheck check(String password) {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addInitialProperty("sftp.host", server.host());
        camel.getPropertiesComponent().addInitialProperty("sftp.port", String.valueOf(server.port()));
        camel.getPropertiesComponent().addInitialProperty("sftp.username", "zest");
        camel.getPropertiesComponent().addInitialProperty("sftp.password", password);
        camel.getPropertiesComponent().addInitialProperty("sftp.known-hosts-file", server.knownHostsFile().toString());
        SftpLoginHealthCheck check = new SftpLoginHealthCheck(new AppProperties(camel.getPropertiesComponent()));
        check.setCamelContext(camel);
        return check;
    }
}
