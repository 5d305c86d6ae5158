package dev.camelzest.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.InvestorBulkResponse;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.documents.DocumentTemplates;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.subscriptions.SubscriptionTemplates;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions and documents with Zest across a network: every call to an SPV held back {@code -Dzest.latencyMs}
 * (default 20), the same work done with one call at a time and with several ({@code maxCallsInFlight} of the
 * subscriptions templates, {@code maxUploadsInFlight} of the documents templates), the routes in this JVM next to the
 * sandbox, each setting's figure after a first run that warms the JIT up. A subscriptions file of {@code -Dsubscriptions.persons} (500) persons in each of 8 SPVs, batches of 500:
 * each batch eight calls; then {@code -Ddocuments.count} (100) signed forms of different investors. Each setting has
 * SPVs of its own, so every run creates what it sends.
 */
class FileFlowsInFlightBenchmark {

    private static final int LATENCY_MS = Integer.getInteger("zest.latencyMs", 20);
    private static final int SPVS = 8;
    private static final int PERSONS = Integer.getInteger("subscriptions.persons", 500);
    private static final int DOCUMENTS = Integer.getInteger("documents.count", 100);
    /** The settings measured, after a first, unmeasured run (at 4) that warms the JIT up. */
    private static final List<Integer> IN_FLIGHT = List.of(4, 1, 2, 4, 8);
    private static final byte[] PDF = "%PDF-1.4\n% a signed form\n".getBytes(StandardCharsets.US_ASCII);
    private static final String SPV_REQUEST = """
            {"templateId": "syndicate_secondary", "templateVersion": "1.0.0", "attributes": {
             "deal_name": "Acme Holdings Series A Syndicate", "deal_slug": "acme-series-a-2026", "company_id": "co_acme",
             "deal_type": "secondary", "security_type": "Equity", "currency": "USD",
             "price_per_share": {"currency": "USD", "value": "36.97"}, "is_fixed_price": true,
             "minimum_ticket_size": {"currency": "USD", "value": "1000"}, "start_date": "2026-06-01T00:00:00Z",
             "status_tag": "Live", "deal_stage": "executing", "share_class_name": "Class A",
             "share_class_slug": "acme-class-a"}}""";

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private record Spv(String slug, String shareClassSlug) {
    }

    @Test
    void subscriptionsAndDocumentsWithSeveralCallsInFlight() throws Exception {
        SANDBOX.admin().reset();
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("ledger")));
             DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("zestLedger", ledger);
            camel.addRoutes(new SubscriptionTemplates());
            camel.addRoutes(new DocumentTemplates());
            camel.start();
            ProducerTemplate zest = camel.createProducerTemplate();
            List<List<Spv>> spvsOfRun = new ArrayList<>();
            for (int run = 0; run < IN_FLIGHT.size(); run++) {
                List<Spv> spvs = new ArrayList<>();
                for (int i = 0; i < SPVS; i++) {
                    spvs.add(approvedSpv(zest));
                }
                spvsOfRun.add(spvs);
            }
            List<String> persons = persons(zest);
            SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, Integer.MAX_VALUE, LATENCY_MS, true);
            double subscriptionsBaseline = 0;
            for (int run = 0; run < IN_FLIGHT.size(); run++) {
                double rowsPerSecond = subscriptions(camel, run, spvsOfRun.get(run), persons);
                if (run == 0) {
                    continue;
                }
                subscriptionsBaseline = run == 1 ? rowsPerSecond : subscriptionsBaseline;
                Figures.report(String.format("subscriptions rows=%d spvs=%d latency=%dms maxCallsInFlight=%d "
                        + "%.0f rows/s speedUp=%s loadAverage=%.1f", PERSONS * SPVS, SPVS, LATENCY_MS,
                        IN_FLIGHT.get(run), rowsPerSecond, Figures.ratio(rowsPerSecond, subscriptionsBaseline),
                        Figures.loadAverage()));
            }
            double documentsBaseline = 0;
            for (int run = 0; run < IN_FLIGHT.size(); run++) {
                double perSecond = documents(camel, run, spvsOfRun.get(run).get(0), persons);
                if (run == 0) {
                    continue;
                }
                documentsBaseline = run == 1 ? perSecond : documentsBaseline;
                Figures.report(String.format("documents forms=%d latency=%dms maxUploadsInFlight=%d %.1f documents/s "
                        + "speedUp=%s loadAverage=%.1f", DOCUMENTS, LATENCY_MS, IN_FLIGHT.get(run), perSecond,
                        Figures.ratio(perSecond, documentsBaseline), Figures.loadAverage()));
            }
        }
    }

    /** One file, every person in each SPV of the run, person after person; rows a second from drop to done. */
    private double subscriptions(DefaultCamelContext camel, int run, List<Spv> spvs, List<String> persons)
            throws Exception {
        Path inbox = temp.resolve("subscriptions-" + run);
        StringBuilder file = new StringBuilder("spvSlug,zestPersonId,amount,currency,shareClassSlug,"
                + "partnerSubscriptionId\n");
        for (int person = 0; person < persons.size(); person++) {
            for (int spv = 0; spv < spvs.size(); spv++) {
                file.append(spvs.get(spv).slug()).append(',').append(persons.get(person)).append(",1000,USD,")
                        .append(spvs.get(spv).shareClassSlug()).append(",run").append(run).append('-').append(spv)
                        .append('-').append(person).append('\n');
            }
        }
        TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId("subscriptions-" + run)
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", uri("createSubscriptions"))
                .parameter("pollDelay", "50")
                .parameter("readLockCheckInterval", "50")
                .parameter("maxCallsInFlight", String.valueOf(IN_FLIGHT.get(run)))
                .add();
        Files.createDirectories(inbox);
        Path staged = temp.resolve("subscriptions-" + run + ".csv");
        Files.writeString(staged, file);
        long started = System.nanoTime();
        Files.move(staged, inbox.resolve("day.csv"));
        awaitFile(inbox.resolve("done/day.csv"));
        double seconds = (System.nanoTime() - started) / 1e9;
        try (Stream<String> lines = Files.lines(inbox.resolve("results/day.results.csv"))) {
            assertEquals(persons.size() * spvs.size(), lines.filter(line -> line.contains(",created,")).count(),
                    "every row created");
        }
        return persons.size() * spvs.size() / seconds;
    }

    /** A signed form for each of the first {@link #DOCUMENTS} persons in the SPV; documents a second. */
    private double documents(DefaultCamelContext camel, int run, Spv spv, List<String> persons) throws Exception {
        Path inbox = temp.resolve("documents-" + run);
        Files.createDirectories(inbox);
        Instant dropped = Instant.now().minusSeconds(60);
        for (int i = 0; i < DOCUMENTS; i++) {
            Files.writeString(inbox.resolve("form-" + i + ".pdf.manifest.csv"), "type,spvSlug,personId\nform,"
                    + spv.slug() + "," + persons.get(i) + "\n");
            Path form = inbox.resolve("form-" + i + ".pdf");
            Files.write(form, PDF);
            Files.setLastModifiedTime(form, FileTime.from(dropped.plusMillis(i)));
        }
        long started = System.nanoTime();
        // the files are a minute old: readLockMinAge takes them without watching each for a check interval
        TemplatedRouteBuilder.builder(camel, DocumentTemplates.FILE)
                .routeId("documents-" + run)
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", uri("uploadSubscriptionForm"))
                .parameter("pollDelay", "50")
                .parameter("readLockMinAge", "1000")
                .parameter("maxUploadsInFlight", String.valueOf(IN_FLIGHT.get(run)))
                .add();
        awaitFile(inbox.resolve("done/form-" + (DOCUMENTS - 1) + ".pdf"));
        for (int i = 0; i < DOCUMENTS; i++) {
            awaitFile(inbox.resolve("done/form-" + i + ".pdf"));
        }
        return DOCUMENTS / ((System.nanoTime() - started) / 1e9);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(file + " did not appear within 10 minutes");
            }
            Thread.sleep(5);
        }
    }

    private Spv approvedSpv(ProducerTemplate zest) {
        SpvRequestResponse request = zest.requestBody(uri("createSpvRequest"), SPV_REQUEST, SpvRequestResponse.class);
        SANDBOX.admin().approve(request.spvRequestSlug());
        SpvRequestResponse approved = zest.requestBodyAndHeader(uri("getSpvRequest"), null, ZestConstants.SLUG,
                request.spvRequestSlug(), SpvRequestResponse.class);
        return new Spv(approved.materialisedRefs().vehicleSlug(),
                approved.feesAndCarry().shareClasses().get(0).slug());
    }

    private List<String> persons(ProducerTemplate zest) {
        List<String> persons = new ArrayList<>();
        while (persons.size() < Math.max(PERSONS, DOCUMENTS)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = persons.size(); i < Math.min(persons.size() + 500, Math.max(PERSONS, DOCUMENTS)); i++) {
                rows.add(Map.of("partnerInvestorId", "acme-" + i, "email", "acme-" + i + "@example.com",
                        "firstName", "Ann", "lastName", "Lee", "dateOfBirth", "1985-04-12",
                        "countryOfResidence", "AE"));
            }
            InvestorBulkResponse reply = zest.requestBody(uri("bulkCreateInvestors"), Map.of("investors", rows),
                    InvestorBulkResponse.class);
            reply.results().forEach(result -> persons.add(result.zestPersonId()));
        }
        return persons;
    }

    private String uri(String operation) {
        Path key = temp.resolve("partner.pem");
        try {
            if (!Files.exists(key)) {
                Files.writeString(key, SANDBOX.partner().privateKeyPem(), StandardCharsets.US_ASCII);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return "zest:" + operation + "?baseUrl=RAW(" + SANDBOX.baseUrl() + ")&audience=RAW(" + SANDBOX.audience()
                + ")&clientId=RAW(" + SANDBOX.partner().clientId() + ")&issuer=RAW(" + SANDBOX.partner().issuer()
                + ")&privateKey=RAW(file:" + key + ")";
    }
}
