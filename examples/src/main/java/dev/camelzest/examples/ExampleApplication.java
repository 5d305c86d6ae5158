package dev.camelzest.examples;

import org.apache.camel.main.Main;

/**
 * A small application embedding the zest: component: Camel Main, the Java route above, the connection from
 * {@code zest.properties} and the environment.
 * <pre>
 * ZEST_CLIENT_ID=... ZEST_ISSUER=... ZEST_PRIVATE_KEY=file:partner.pem \
 *   mvn -q -pl examples exec:java -Dexec.mainClass=dev.camelzest.examples.ExampleApplication
 * </pre>
 */
public final class ExampleApplication {

    private ExampleApplication() {
    }

    public static void main(String[] args) throws Exception {
        Main main = new Main();
        main.setDefaultPropertyPlaceholderLocation("classpath:zest.properties");
        main.configure().addRoutesBuilder(new PendingSpvRequestsRoute());
        main.run(args);
    }
}
