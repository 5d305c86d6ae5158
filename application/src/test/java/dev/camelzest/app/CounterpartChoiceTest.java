package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class CounterpartChoiceTest {

    private static final Map<String, String> REAL_ZEST = Map.of("zest.base-url", "https://sandbox.api.zestequity.com",
            "zest.client-id", "acme", "zest.issuer", "https://api.acme.example",
            "zest.private-key", "file:/run/secrets/partner.pem", "zest.webhook.secret", "whsec_x");
    private static final Map<String, String> REAL_SFTP = Map.of("sftp.host", "sftp.acme.example",
            "sftp.username", "zest", "sftp.password", "pw");
    private static final Map<String, String> REAL_LEDGER = Map.of("zest.ledger.jdbc-url", "jdbc:postgresql://db/zest");

    @Test
    void nothingConfiguredEmbedsEverything() {
        assertThat(choose(Map.of())).isEqualTo(EnumSet.allOf(Counterpart.class));
        assertThat(choose(Map.of("sftp.host", " "))).as("a blank variable is unset")
                .isEqualTo(EnumSet.allOf(Counterpart.class));
    }

    @Test
    void everythingConfiguredEmbedsNothing() {
        assertThat(choose(merge(REAL_ZEST, REAL_SFTP, REAL_LEDGER))).isEmpty();
    }

    @Test
    void aRealSftpServerNextToAMissingZestRefusesToStartNamingTheMissingSettings() {
        assertThatThrownBy(() -> choose(merge(REAL_SFTP, REAL_LEDGER))).isInstanceOf(StartupRefused.class)
                .hasMessageContaining("zest needs zest.base-url, zest.client-id, zest.issuer, zest.private-key,"
                        + " zest.webhook.secret")
                .hasMessageContaining("app.embedded=zest");
    }

    @Test
    void aRealZestWithoutLedgerOrSftpRefusesToStart() {
        assertThatThrownBy(() -> choose(REAL_ZEST)).isInstanceOf(StartupRefused.class)
                .hasMessageContaining("sftp needs sftp.host, sftp.username, sftp.password or sftp.private-key-file")
                .hasMessageContaining("ledger needs zest.ledger.jdbc-url")
                .hasMessageContaining("app.embedded=sftp,ledger");
    }

    @Test
    void embeddedPartsAskedForExplicitlyStartNextToRealOnes() {
        assertThat(choose(merge(REAL_ZEST, Map.of("app.embedded", "sftp, ledger"))))
                .isEqualTo(EnumSet.of(Counterpart.SFTP, Counterpart.LEDGER));
        assertThat(choose(merge(REAL_ZEST, REAL_SFTP, REAL_LEDGER, Map.of("app.embedded", "none")))).isEmpty();
    }

    @Test
    void anEmbeddedPartThatIsAlsoConfiguredOrUnknownIsRefused() {
        assertThatThrownBy(() -> choose(merge(REAL_ZEST, REAL_SFTP, Map.of("app.embedded", "sftp,ledger"))))
                .hasMessageContaining("sftp.host is set although app.embedded asks for the embedded sftp");
        assertThatThrownBy(() -> choose(merge(REAL_ZEST, Map.of("app.embedded", "sftp,database"))))
                .hasMessageContaining("app.embedded names 'database'");
    }

    @Test
    void aRealSftpNeedsAPasswordOrAKey() {
        Map<String, String> noCredentials = merge(REAL_ZEST, REAL_LEDGER,
                Map.of("sftp.host", "sftp.acme.example", "sftp.username", "zest"));
        assertThatThrownBy(() -> choose(noCredentials)).hasMessageContaining("sftp.password or sftp.private-key-file");
        assertThat(choose(merge(noCredentials, Map.of("sftp.private-key-file", "/run/secrets/sftp")))).isEmpty();
    }

    @Test
    void aRealZestOverPlainHttpIsRefusedUnlessAllowedOrOnLoopback() {
        Map<String, String> plain = merge(REAL_ZEST, REAL_SFTP, REAL_LEDGER,
                Map.of("zest.base-url", "http://zest.internal.example"));
        assertThatThrownBy(() -> choose(plain)).isInstanceOf(StartupRefused.class)
                .hasMessageContaining("zest.base-url must be an https:// URL")
                .hasMessageContaining("zest.allow-insecure-http=true");
        assertThat(choose(merge(plain, Map.of("zest.allow-insecure-http", "true")))).isEmpty();
        assertThat(choose(merge(plain, Map.of("zest.base-url", "http://127.0.0.1:8099")))).isEmpty();
        assertThat(choose(merge(plain, Map.of("zest.base-url", "http://localhost:8099")))).isEmpty();
        assertThatThrownBy(() -> choose(merge(plain, Map.of("zest.base-url", "ftp://zest.example"))))
                .hasMessageContaining("https://");
    }

    private static java.util.Set<Counterpart> choose(Map<String, String> properties) {
        DefaultCamelContext camel = new DefaultCamelContext();
        properties.forEach(camel.getPropertiesComponent()::addInitialProperty);
        return CounterpartChoice.embeddedParts(new AppProperties(camel.getPropertiesComponent()));
    }

    @SafeVarargs
    private static Map<String, String> merge(Map<String, String>... maps) {
        Map<String, String> merged = new HashMap<>();
        for (Map<String, String> map : maps) {
            merged.putAll(map);
        }
        return merged;
    }
}
