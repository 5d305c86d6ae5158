package dev.camelzest.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The investor import alone in a JVM of its own, as the application runs it, for the throughput and memory
 * benchmarks: imports the one file waiting in {@code directory} (local or, with {@code host=...}, on SFTP),
 * then prints its peak heap and exits. Arguments are {@code key=value} template parameters, plus
 * {@code template=sftp|file}.
 */
public final class ForkedImport {

    public static final String PEAK_HEAP = "PEAK_HEAP_BYTES=";

    private ForkedImport() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            parameters.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String template = "sftp".equals(parameters.remove("template"))
                ? InvestorImportTemplates.SFTP : InvestorImportTemplates.FILE;
        Path done = Path.of(parameters.remove("awaitFile"));
        Path dataDirectory = Path.of(parameters.get("dataDirectory"));
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(dataDirectory));
             DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("zestLedger", ledger);
            camel.addRoutes(new InvestorImportTemplates());
            camel.start();
            TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, template).routeId("benchmark-import");
            parameters.forEach(route::parameter);
            route.add();
            long peak = 0;
            while (!Files.exists(done)) {
                Thread.sleep(20);
                peak = Math.max(peak, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            System.out.println(PEAK_HEAP + peak);
        }
    }
}
