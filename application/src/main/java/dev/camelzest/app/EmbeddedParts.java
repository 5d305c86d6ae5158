package dev.camelzest.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;

/**
 * Starts, before the routes are configured, each part the configuration does not name for real: Zest (the
 * sandbox), the SFTP server, the ledger database; tells the routes where they are through properties; runs the
 * sample journey once Camel is up when everything is embedded; stops them after Camel.
 */
final class EmbeddedParts extends MainListenerSupport {

    static final String LEDGER_BEAN = "zestLedger";

    private final PrintStream console = System.out;
    private EmbeddedZest zest;
    private EmbeddedSftp sftp;
    private Ledger ledger;
    private AppProperties app;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        app = new AppProperties(main.getCamelContext().getPropertiesComponent());
        try {
            startZest();
            startSftp();
        } catch (Exception e) {
            throw new IllegalStateException("An embedded part failed to start: " + e.getMessage(), e);
        }
        ledger = Ledger.open(app.get(AppProperties.LEDGER_JDBC_URL)
                .map(url -> LedgerSettings.jdbc(url, app.get(AppProperties.LEDGER_USERNAME, null),
                        app.get(AppProperties.LEDGER_PASSWORD, null)))
                .orElseGet(() -> LedgerSettings.embedded(app.dataDirectory())));
        main.getCamelContext().getRegistry().bind(LEDGER_BEAN, ledger);
        console.println("camel-zest: ledger " + (app.isSet(AppProperties.LEDGER_JDBC_URL)
                ? "at " + app.get(AppProperties.LEDGER_JDBC_URL).orElseThrow() : "embedded (H2) in " + app.dataDirectory()));
    }

    private void startZest() throws Exception {
        if (app.isSet(AppProperties.ZEST_BASE_URL)) {
            console.println("camel-zest: Zest at " + app.get(AppProperties.ZEST_BASE_URL).orElseThrow());
            return;
        }
        if (!app.isSet(AppProperties.WEBHOOK_SECRETS)) {
            app.set(AppProperties.WEBHOOK_SECRETS, "whsec_" + randomHex(24));
        }
        String webhookUrl = "http://127.0.0.1:" + app.get(AppProperties.WEBHOOK_PORT, "8088")
                + app.get(AppProperties.WEBHOOK_PATH, "/zest/webhooks");
        String secret = app.get(AppProperties.WEBHOOK_SECRETS).orElseThrow().split(",")[0].trim();
        zest = EmbeddedZest.start(app.dataDirectory(), webhookUrl, secret,
                Duration.ofSeconds(Long.parseLong(app.get("app.demo.approve-after-seconds", "2"))),
                Duration.ofSeconds(Long.parseLong(app.get("app.demo.complete-after-seconds", "3"))));
        app.set(AppProperties.ZEST_BASE_URL, zest.baseUrl());
        app.set(AppProperties.ZEST_AUDIENCE, zest.baseUrl());
        app.set(AppProperties.ZEST_CLIENT_ID, EmbeddedZest.CLIENT_ID);
        app.set(AppProperties.ZEST_ISSUER, EmbeddedZest.ISSUER);
        app.set(AppProperties.ZEST_PRIVATE_KEY, "file:" + zest.privateKeyFile());
        console.println("camel-zest: Zest sandbox (embedded) at " + zest.baseUrl() + ", client id "
                + EmbeddedZest.CLIENT_ID + ", private key " + zest.privateKeyFile() + "; webhooks to " + webhookUrl);
    }

    private void startSftp() throws Exception {
        if (app.isSet(AppProperties.SFTP_HOST)) {
            console.println("camel-zest: SFTP at " + app.get(AppProperties.SFTP_HOST).orElseThrow());
            return;
        }
        sftp = EmbeddedSftp.start(Path.of("sftp").toAbsolutePath(), app.dataDirectory(),
                Integer.parseInt(app.get("app.embedded-sftp.port", "0")));
        app.set(AppProperties.SFTP_HOST, sftp.server().host());
        app.set(AppProperties.SFTP_PORT, String.valueOf(sftp.server().port()));
        app.set(AppProperties.SFTP_USERNAME, EmbeddedSftp.USER);
        app.set(AppProperties.SFTP_PASSWORD, sftp.password());
        app.set(AppProperties.SFTP_KNOWN_HOSTS_FILE, sftp.server().knownHostsFile().toString());
        // the password goes to a file only readable by its owner: no secret is ever printed or logged
        console.println("camel-zest: SFTP server (embedded) at sftp://" + EmbeddedSftp.USER + "@"
                + sftp.server().host() + ":" + sftp.server().port() + ", password in " + sftp.passwordFile()
                + ", root " + sftp.server().rootDirectory() + ", known hosts " + sftp.server().knownHostsFile());
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        boolean everythingEmbedded = zest != null && sftp != null;
        if (Boolean.parseBoolean(app.get(AppProperties.DEMO_ENABLED, String.valueOf(everythingEmbedded)))) {
            if (!everythingEmbedded) {
                console.println("camel-zest: the sample journey needs the embedded Zest and SFTP server; skipped");
                return;
            }
            Thread journey = new Thread(new SampleJourney(main.getCamelContext(), ledger, sftp.server().rootDirectory(),
                    Path.of("spv-requests").toAbsolutePath(), Path.of(app.get("app.events-directory", "events"))
                    .toAbsolutePath(), console), "sample-journey");
            journey.setDaemon(true);
            journey.start();
        }
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (sftp != null) {
            sftp.close();
        }
        if (zest != null) {
            zest.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
