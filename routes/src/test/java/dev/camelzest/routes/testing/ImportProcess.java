package dev.camelzest.routes.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.FileClaims;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.Exchange;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.ToDefinition;
import org.apache.camel.spi.InterceptStrategy;

/**
 * The investor import alone in its own JVM, as an application runs it: for the tests that limit its memory or kill
 * it part-way. Arguments are {@code key=value} template parameters of the SFTP template; {@code zest} is the zest
 * endpoint URI (a sandbox's, through the real component). With {@code ledgerUrl} (and {@code ledgerUser},
 * {@code ledgerPassword}, {@code claimExpiry} in seconds) it is one replica of several: the ledger in that database,
 * each file claimed there first. With {@code haltAfterWriting} (a file name) the JVM halts, as a kill would end it,
 * right after the route wrote a file of that name: a crash between publishing a file's results and moving it.
 */
public final class ImportProcess {

    private ImportProcess() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> parameters = new java.util.LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            parameters.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String zest = parameters.remove("zest");
        String ledgerUrl = parameters.remove("ledgerUrl");
        String haltAfterWriting = parameters.remove("haltAfterWriting");
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            if (haltAfterWriting != null) {
                camel.getCamelContextExtension().addInterceptStrategy(haltAfterWriting(haltAfterWriting));
            }
            if (ledgerUrl != null) {
                Ledger ledger = Ledger.open(LedgerSettings.jdbc(ledgerUrl, parameters.remove("ledgerUser"),
                        parameters.remove("ledgerPassword")));
                camel.getRegistry().bind("zestLedger", ledger);
                camel.getRegistry().bind("zestFileClaims", new FileClaims(ledger.dataSource(),
                        Duration.ofSeconds(Long.parseLong(parameters.remove("claimExpiry"))), Clock.systemUTC()));
                parameters.put("readLockRepository", "zestFileClaims");
            }
            camel.addRoutes(new InvestorImportTemplates());
            parameters.put("zestUri", zest);
            camel.start();
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.SFTP)
                    .routeId("forked-import");
            parameters.forEach(route::parameter);
            route.add();
            System.out.println("IMPORT PROCESS READY data=" + Path.of(parameters.get("dataDirectory")));
            new CountDownLatch(1).await();
        }
    }

    /** Wraps every step writing a file: once one has written a file of that name, the JVM halts. */
    private static InterceptStrategy haltAfterWriting(String fileName) {
        return (camelContext, definition, target, nextTarget) -> {
            if (!(definition instanceof ToDefinition to) || to.getUri().startsWith("zest:")) {
                return target;
            }
            return exchange -> {
                target.process(exchange);
                if (exchange.getException() == null
                        && fileName.equals(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class))) {
                    System.out.println("IMPORT PROCESS HALTS after writing " + fileName);
                    Runtime.getRuntime().halt(137);
                }
            };
        };
    }
}
