package dev.camelzest.routes.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

class LedgerSettingsTest {

    @Test
    void thePrintedUrlCarriesNoCredentials() {
        assertThat(LedgerSettings.jdbc("jdbc:postgresql://db:5432/zest?user=app&password=s3cr3t&ssl=true", null, null)
                .displayUrl()).isEqualTo("jdbc:postgresql://db:5432/zest?user=***&password=***&ssl=true");
        assertThat(LedgerSettings.jdbc("jdbc:postgresql://app:s3cr3t@db/zest", null, null).displayUrl())
                .isEqualTo("jdbc:postgresql://***@db/zest");
        assertThat(LedgerSettings.jdbc("jdbc:h2:file:/x/ledger;USER=sa;PASSWORD=s3cr3t", null, "s3cr3t").toString())
                .doesNotContain("s3cr3t").contains("jdbc:h2:file:/x/ledger;USER=***;PASSWORD=***");
    }

    @Test
    void readsTheZestLedgerPropertiesWithBlankAsUnset() {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().addInitialProperty("zest.ledger.jdbc-url", " ");
        camel.getPropertiesComponent().addInitialProperty("zest.data-directory", "/var/lib/camel-zest");
        LedgerSettings embedded = LedgerSettings.fromProperties(camel.getPropertiesComponent());
        assertThat(embedded.isEmbedded()).isTrue();
        assertThat(embedded.dataDirectory()).isEqualTo(Path.of("/var/lib/camel-zest"));

        camel.getPropertiesComponent().addInitialProperty("zest.ledger.jdbc-url", "jdbc:postgresql://db/zest");
        camel.getPropertiesComponent().addInitialProperty("zest.ledger.username", "zest");
        camel.getPropertiesComponent().addInitialProperty("zest.ledger.password", "s3cr3t");
        LedgerSettings real = LedgerSettings.fromProperties(camel.getPropertiesComponent());
        assertThat(real).extracting(LedgerSettings::jdbcUrl, LedgerSettings::username, LedgerSettings::password)
                .containsExactly("jdbc:postgresql://db/zest", "zest", "s3cr3t");
    }
}
