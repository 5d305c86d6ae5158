package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.camelzest.routes.investors.InvestorImportTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.InvestorFiles;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The oldest-file gauge sees a file waiting while it is imported, and lets go of it once it moved to done/. */
class FileBacklogTest {

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch called = new CountDownLatch(1);
    private DefaultCamelContext camel;
    private Ledger ledger;

    @AfterEach
    void stop() {
        release.countDown();
        if (camel != null) {
            camel.stop();
        }
        ledger.close();
    }

    @Test
    void theOldestWaitingFileIsMeasuredUntilItIsImported() throws Exception {
        Path inbox = temp.resolve("inbox");
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new InvestorImportTemplates());
        String sandboxUri = SandboxZest.bulkCreateInvestorsUri(SANDBOX, temp.resolve("keys"));
        // the bulk call waits at Zest's door until the test has measured the file waiting
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:zest")
                        .process(exchange -> {
                            called.countDown();
                            release.await(20, TimeUnit.SECONDS);
                        })
                        .to(sandboxUri);
            }
        });
        TemplatedRouteBuilder.builder(camel, InvestorImportTemplates.FILE)
                .routeId("backlog-import")
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", "direct:zest")
                .parameter("pollDelay", "100")
                .parameter("initialPollDelay", "0")
                .parameter("readLockCheckInterval", "100")
                .add();
        // an hour old before it appears: a poll between the drop and the touch would list it as new
        Path aside = InvestorFiles.drop(temp.resolve("aside"), "waiting.csv", InvestorFiles.cleanCsv(1, 2));
        Files.setLastModifiedTime(aside, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        Files.createDirectories(inbox);
        Files.move(aside, inbox.resolve("waiting.csv"));

        assertThat(called.await(20, TimeUnit.SECONDS)).as("the import calls Zest").isTrue();
        assertThat(age(ImportMetrics.registry(camel))).isBetween(3500.0, 3700.0);

        release.countDown();
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(inbox.resolve("done/waiting.csv")));
        await().atMost(Duration.ofSeconds(10)).until(() -> age(ImportMetrics.registry(camel)) == 0.0);
        assertThat(ImportMetrics.registry(camel).get(FileBacklog.METER).gauge().getId().getTag("directory"))
                .isEqualTo(inbox.toString());
    }

    private static double age(MeterRegistry registry) {
        Gauge gauge = registry.find(FileBacklog.METER).tag("route", "backlog-import").gauge();
        return gauge == null ? -1 : gauge.value();
    }
}
