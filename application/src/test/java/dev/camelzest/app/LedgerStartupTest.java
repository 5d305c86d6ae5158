package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerStartupTest {

    @TempDir
    Path temp;
    private String url;

    @BeforeEach
    void databaseWithAPassword() throws Exception {
        url = "jdbc:h2:file:" + temp.resolve("ledger");
        try (Connection created = DriverManager.getConnection(url, "zest", "right-password")) {
            created.isValid(1);
        }
    }

    @Test
    void aWrongPasswordIsOneLineNamingTheSettingsAndNotThePassword() {
        assertThatThrownBy(() -> LedgerStartup.open(LedgerSettings.jdbc(url, "zest", "wrong-password")))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("refused the connection as 'zest'")
                .hasMessageContaining("check zest.ledger.username and zest.ledger.password")
                .hasMessageNotContaining("wrong-password")
                .hasNoCause()
                .satisfies(refused -> assertThat(refused.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anUnreachableDatabaseNamesTheUrlSetting() {
        assertThatThrownBy(() -> LedgerStartup.open(LedgerSettings.jdbc(
                "jdbc:postgresql://127.0.0.1:1/zest?user=zest&password=pw-in-url", null, null)))
                .isInstanceOf(StartupRefused.class)
                .hasMessageContaining("check zest.ledger.jdbc-url")
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("pw-in-url");
    }

    @Test
    void theRightPasswordOpensTheLedger() {
        try (Ledger ledger = LedgerStartup.open(LedgerSettings.jdbc(url, "zest", "right-password"))) {
            assertThat(ledger.investors().count()).isZero();
        }
    }
}
