package dev.camelzest.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;

import dev.camelzest.routes.filedrop.ImportMetrics;
import dev.camelzest.routes.ledger.FileClaims;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.StartupListener;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListener;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the routes are configured: creates the data directory owner-only, decides which counterparts are
 * embedded ({@link CounterpartChoice}) and starts those (the demo's through {@link DemoParts}), opens the ledger,
 * and adds a readiness check per configured counterpart. Once Camel is up, runs the sample journey when everything
 * is embedded. Stops the embedded parts after Camel.
 */
final class ApplicationStartup extends MainListenerSupport {

    static final String LEDGER_BEAN = "zestLedger";
    static final String FILE_CLAIMS_BEAN = "zestFileClaims";
    private static final Logger LOG = LoggerFactory.getLogger(ApplicationStartup.class);

    private final PrintStream console = ConsoleLines.stream();
    private AppProperties app;
    private Set<Counterpart> embedded;
    private MainListener demoParts;
    private Ledger ledger;
    private SftpLoginHealthCheck sftpCheck;

    @Override
    public void beforeConfigure(BaseMainSupport main) {
        app = new AppProperties(main.getCamelContext().getPropertiesComponent());
        embedded = CounterpartChoice.embeddedParts(app);
        ListeningPorts.checkFree(app);
        PrivateDirectory.create(app.dataDirectory());
        warnIfDevConsoleOn();
        addStartupListener(main, new MultipartRefusal(Integer.parseInt(app.get(ListeningPorts.WEBHOOK_PORT, "8080"))));
        if (embedded.contains(Counterpart.ZEST) || embedded.contains(Counterpart.SFTP)) {
            startDemoParts(main);
        }
        describeRealParts();
        LedgerSettings ledgerSettings = LedgerSettings.fromProperties(app.component());
        ledger = LedgerStartup.open(ledgerSettings);
        main.getCamelContext().getRegistry().bind(LEDGER_BEAN, ledger);
        bindFileClaims(main, ledgerSettings);
        console.println("camel-zest: ledger " + (ledgerSettings.isEmbedded()
                ? "embedded (H2) in " + app.dataDirectory() : "at " + ledgerSettings.displayUrl()));
        SharedEventStore.configure(main.getCamelContext(), app, ledger, console);
        ClusterSetup.apply(app, main.getCamelContext()).ifPresent(cluster -> console.println(
                "camel-zest: cluster service " + app.get(ClusterSetup.SERVICE).orElseThrow() + " as member "
                        + cluster.getId() + "; the singleton routes run on the leader only"));
        addReadinessChecks(main);
        if (!embedded.contains(Counterpart.SFTP)) {
            sftpCheck.problem().ifPresent(LOG::error);
        }
    }

    /**
     * A ledger in a shared database (PostgreSQL) is the setup for several replicas: the drop directories' read locks
     * then claim each file there first ({@link FileClaims}), so that one replica takes it. The embedded ledger is one
     * instance's own: its read locks stay Camel's changed lock alone.
     */
    private void bindFileClaims(BaseMainSupport main, LedgerSettings ledgerSettings) {
        if (ledgerSettings.isEmbedded()) {
            app.set(AppProperties.FILE_CLAIMS_BEAN, "");
            return;
        }
        Duration expiry = Duration.ofMillis(TimeUtils.toMilliSeconds(
                app.get(AppProperties.FILE_CLAIMS_EXPIRY, FileClaims.DEFAULT_EXPIRY.toSeconds() + "s")));
        main.getCamelContext().getRegistry().bind(FILE_CLAIMS_BEAN,
                new FileClaims(ledger.dataSource(), expiry, Clock.systemUTC()));
        app.set(AppProperties.FILE_CLAIMS_BEAN, FILE_CLAIMS_BEAN);
    }

    private void warnIfDevConsoleOn() {
        if (app.isTrue(AppProperties.DEV_CONSOLE_ENABLED)) {
            LOG.warn("THE DEVELOPER CONSOLE IS ON ({}=true): anyone who can reach the management port can call Zest"
                    + " with the partner's credentials and evaluate expressions on this host. Never in production.",
                    AppProperties.DEV_CONSOLE_ENABLED);
        }
    }

    private static void addStartupListener(BaseMainSupport main, StartupListener listener) {
        try {
            main.getCamelContext().addStartupListener(listener);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void startDemoParts(BaseMainSupport main) {
        if (embedded.contains(Counterpart.ZEST) && !app.isSet(AppProperties.WEBHOOK_SECRET)) {
            app.set(AppProperties.WEBHOOK_SECRET, "whsec_" + randomHex(24));
        }
        app.set(AppProperties.EMBEDDED, embedded.stream().map(Counterpart::label).collect(Collectors.joining(",")));
        demoParts = DemoParts.load();
        demoParts.beforeConfigure(main);
    }

    private void describeRealParts() {
        if (!embedded.contains(Counterpart.ZEST)) {
            console.println("camel-zest: Zest at " + app.get(AppProperties.ZEST_BASE_URL).orElseThrow());
        }
        if (!embedded.contains(Counterpart.SFTP)) {
            console.println("camel-zest: SFTP at " + app.get(AppProperties.SFTP_HOST).orElseThrow());
        }
    }

    /** Zest's own check comes with each zest: producer (a token can be obtained). */
    private void addReadinessChecks(BaseMainSupport main) {
        sftpCheck = new SftpLoginHealthCheck(app);
        HealthCheckRegistry registry = HealthCheckRegistry.get(main.getCamelContext());
        if (registry != null) {
            registry.register(new LedgerHealthCheck(ledger));
            registry.register(sftpCheck);
        }
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        ListeningPorts.checkBound(main.getCamelContext());
        ledger.measureIn(ImportMetrics.registry(main.getCamelContext()));
        boolean everythingEmbedded = embedded.containsAll(Set.of(Counterpart.ZEST, Counterpart.SFTP));
        if (Boolean.parseBoolean(app.get(AppProperties.DEMO_ENABLED, String.valueOf(everythingEmbedded)))) {
            if (!everythingEmbedded) {
                console.println("camel-zest: the sample journey needs the embedded Zest and SFTP server; skipped");
                return;
            }
            Thread journey = new Thread(new SampleJourney(main.getCamelContext(), ledger,
                    Path.of(app.get(AppProperties.EMBEDDED_SFTP_ROOT).orElseThrow()),
                    Path.of(app.get(AppProperties.SPV_REQUESTS_DIRECTORY, "spv-requests")).toAbsolutePath(),
                    Path.of(app.get(AppProperties.EVENTS_DIRECTORY, "events")).toAbsolutePath(), console),
                    "sample-journey");
            journey.setDaemon(true);
            journey.start();
        }
    }

    /**
     * The ledger closes once the context has stopped, in Camel's shutdown hook ({@link ContextStopped}), so that the
     * embedded H2 writes its last commits (the rows a stopped import recorded, the webhooks acknowledged last) before
     * the JVM ends. Closing it again in {@link #afterStop} does nothing.
     */
    @Override
    public void beforeStart(BaseMainSupport main) {
        ContextStopped.then(main.getCamelContext(), stopped -> {
            if (ledger != null) {
                ledger.close();
            }
        });
    }

    @Override
    public void afterStop(BaseMainSupport main) {
        if (demoParts != null) {
            demoParts.afterStop(main);
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
