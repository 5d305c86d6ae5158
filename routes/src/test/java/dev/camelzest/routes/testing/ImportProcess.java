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
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The investor import alone in its own JVM, as an application runs it: for the tests that limit its memory or kill
 * it part-way. Arguments are {@code key=value} template parameters of the SFTP template; {@code zest} is the zest
 * endpoint URI (a sandbox's, through the real component). With {@code ledgerUrl} (and {@code ledgerUser},
 * {@code ledgerPassword}, {@code claimExpiry} in seconds) it is one replica of several: the ledger in that database,
 * each file claimed there first.
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
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
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
}
