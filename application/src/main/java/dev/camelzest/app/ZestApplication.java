package dev.camelzest.app;

import org.apache.camel.main.Main;

/**
 * The camel-zest application: Camel Main running the route templates that {@code application.properties}
 * instantiates. With nothing configured it starts every part it needs in-process ({@link EmbeddedParts}) and
 * runs the sample journey ({@link SampleJourney}); each part configured for real replaces its embedded one.
 * Configuration: {@code application.properties} on the classpath, then {@code ./application.properties},
 * then environment variables ({@code ZEST_BASE_URL} for {@code zest.base-url}) and system properties.
 */
public final class ZestApplication {

    static final String PROPERTY_LOCATIONS =
            "classpath:application.properties;optional=true,file:application.properties;optional=true";

    private ZestApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation(PROPERTY_LOCATIONS);
        main.addMainListener(new EmbeddedParts());
        System.exit(main.run(args));
    }
}
