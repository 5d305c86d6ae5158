package dev.camelzest.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.camel.console.DevConsole;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.impl.console.PropertiesDevConsole;
import org.junit.jupiter.api.Test;

/** Every property of the application that holds a secret is masked where Camel prints properties. */
class SecretPropertiesTest {

    private static final List<String> SECRETS = List.of(AppProperties.ZEST_PRIVATE_KEY, AppProperties.WEBHOOK_SECRET,
            AppProperties.SFTP_PASSWORD, AppProperties.SFTP_PRIVATE_KEY_FILE, AppProperties.LEDGER_PASSWORD);

    @Test
    void thePropertiesConsoleMasksEverySecret() throws Exception {
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.getPropertiesComponent().setLocation(ZestApplication.PROPERTY_LOCATIONS);
        for (int i = 0; i < SECRETS.size(); i++) {
            camel.getPropertiesComponent().addInitialProperty(SECRETS.get(i), "s3cr3t-value-" + i);
        }
        PropertiesDevConsole console = new PropertiesDevConsole();
        console.setCamelContext(camel);
        camel.start();
        try {
            String text = String.valueOf(console.call(DevConsole.MediaType.TEXT, Map.of()));
            assertThat(text).contains(SECRETS).doesNotContain("s3cr3t-value-");
        } finally {
            camel.stop();
        }
    }
}
