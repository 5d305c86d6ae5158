package dev.camelzest.examples;

import java.util.Map;
import java.util.Properties;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.main.Main;

/** An example running in Camel Main as users run it, connected to the sandbox. */
final class RunningExample implements AutoCloseable {

    private final Main main;

    private RunningExample(Main main) {
        this.main = main;
    }

    /** Starts Camel Main with one YAML example (or none) and the Java routes given, properties on top of the sandbox's. */
    static RunningExample start(ZestSandboxExtension sandbox, String yamlExample, Map<String, String> properties,
                                RoutesBuilder... javaRoutes) {
        Main main = new Main();
        Properties initial = new Properties();
        initial.put("camel.component.zest.base-url", sandbox.baseUrl());
        initial.put("camel.component.zest.audience", sandbox.audience());
        initial.put("camel.component.zest.client-id", sandbox.partner().clientId());
        initial.put("camel.component.zest.issuer", sandbox.partner().issuer());
        initial.put("camel.component.zest.private-key", sandbox.partner().privateKeyPem());
        if (yamlExample != null) {
            initial.put("camel.main.routes-include-pattern", "classpath:yaml/" + yamlExample);
        }
        initial.putAll(properties);
        main.setInitialProperties(initial);
        for (RoutesBuilder routes : javaRoutes) {
            main.configure().addRoutesBuilder(routes);
        }
        main.start();
        return new RunningExample(main);
    }

    CamelContext camel() {
        return main.getCamelContext();
    }

    @Override
    public void close() {
        main.stop();
    }
}
