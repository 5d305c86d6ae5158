package dev.camelzest.app;

import org.apache.camel.main.Main;

/**
 * The camel-zest application: Camel Main running the route templates that {@code application.properties}
 * instantiates. With nothing configured it starts every counterpart it needs in-process and runs the sample journey
 * ({@link SampleJourney}); configured for real, it runs only with every counterpart real, unless
 * {@code app.embedded} asks for some embedded ones ({@link CounterpartChoice}).
 * Configuration: {@code application.properties} on the classpath, then {@code ./application.properties},
 * then environment variables ({@code ZEST_BASE_URL} for {@code zest.base-url}) and system properties.
 */
public final class ZestApplication {

    static final String PROPERTY_LOCATIONS =
            "classpath:application.properties;optional=true,file:application.properties;optional=true";

    private ZestApplication() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** A refused configuration ends the start with its one line on stderr and exit status 2, no stack trace. */
    static int run(String... args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(PROPERTY_LOCATIONS);
        main.addMainListener(new ApplicationStartup());
        main.addMainListener(new StopReport());
        main.addMainListener(new TracingStartup());
        try {
            ConsoleLines.checkFormat();
            return main.run(args);
        } catch (Exception e) {
            if (StartupRefused.in(e).isEmpty()) {
                throw e;
            }
            System.err.println("camel-zest: cannot start: " + StartupRefused.in(e).orElseThrow().getMessage());
            return 2;
        }
    }
}
