package dev.camelzest.routes.subscriptions;

import static dev.camelzest.routes.testing.InvestorFiles.drop;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.LedgerSettings;
import dev.camelzest.routes.testing.SandboxDeals;
import dev.camelzest.routes.testing.SandboxZest;
import dev.camelzest.routes.testing.TemplateCamel;
import dev.camelzest.sandbox.junit.SandboxAdminClient.RecordedRequest;
import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriptions batch's calls, one per SPV, sent at once ({@code maxCallsInFlight}) to the sandbox with a round
 * trip held back: the calls overlap, the results and the ledger keep file order, the file's adaptive limit of calls
 * meets a Zest that takes fewer at once, and a call that keeps failing stops the file without losing a row.
 */
class SubscriptionCallsInFlightTest {

    private static final String HEADER = "spvSlug,zestPersonId,amount,currency,shareClassSlug,partnerSubscriptionId\n";
    private static final Pattern SUBSCRIPTIONS_PATH = Pattern.compile("/v1/spvs/([^/]+)/subscriptions");
    private static final int SPVS = 4;
    private static final int LOTS = 1_000;
    private static final int CREATED = 201;

    @RegisterExtension
    static final ZestSandboxExtension SANDBOX = ZestSandboxExtension.create();

    @TempDir
    Path temp;

    private DefaultCamelContext camel;
    private Ledger ledger;
    private String zestUri;
    private final List<SandboxDeals.Spv> spvs = new ArrayList<>();
    private final List<String> persons = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        SANDBOX.admin().reset();
        zestUri = SandboxZest.uri(SANDBOX, "createSubscriptions", temp.resolve("keys"));
        ledger = Ledger.open(LedgerSettings.embedded(temp.resolve("data")));
        camel = TemplateCamel.start(ledger, new SubscriptionTemplates());
        SandboxDeals deals = new SandboxDeals(SANDBOX, camel, temp.resolve("keys"));
        for (int i = 0; i < SPVS; i++) {
            spvs.add(deals.approvedSpv());
        }
        persons.add(deals.person("acme-1"));
        persons.add(deals.person("acme-2"));
    }

    @AfterEach
    void stop() {
        SANDBOX.admin().clearFaults();
        SANDBOX.admin().maxConcurrentCalls(0);
        camel.stop();
        ledger.close();
    }

    @Test
    void aBatchsCallsToDifferentSpvsAreOpenAtOnceAndItsResultsStayInFileOrder() throws Exception {
        long roundTripMs = 600;
        SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, LOTS, roundTripMs, true);
        // two batches, one per person, of one call per SPV each
        Path inbox = importRoute("at-once", "batchSize", String.valueOf(SPVS));

        drop(inbox, "monday.csv", file());

        List<CSVRecord> results = awaitResults(inbox, "monday.csv");
        assertThat(results).extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactlyElementsOf(expectedCreated());
        List<RecordedRequest> calls = subscriptionCalls();
        assertThat(calls).extracting(this::spvOf).containsExactlyInAnyOrderElementsOf(twice(slugs()));
        assertThat(calls).extracting(RecordedRequest::idempotencyKey).doesNotContainNull().doesNotHaveDuplicates();
        // each call was held a round trip from its arrival: a batch's four arriving within one were all open at once,
        // and the second batch's arriving a round trip after the first's last went only once those were answered
        List<Instant> arrivals = calls.stream().map(RecordedRequest::at).sorted().toList();
        assertThat(Duration.between(arrivals.get(0), arrivals.get(SPVS - 1))).isLessThan(Duration.ofMillis(roundTripMs));
        assertThat(Duration.between(arrivals.get(SPVS), arrivals.get(2 * SPVS - 1)))
                .isLessThan(Duration.ofMillis(roundTripMs));
        assertThat(Duration.between(arrivals.get(SPVS - 1), arrivals.get(SPVS)))
                .isGreaterThanOrEqualTo(Duration.ofMillis(roundTripMs));
        for (CSVRecord row : results) {
            assertThat(ledger.subscriptions().byPartnerSubscriptionId(row.get("partnerSubscriptionId")).orElseThrow()
                    .subscriptionSlug()).isEqualTo(row.get("subscriptionSlug"));
        }
    }

    @Test
    void withOneCallInFlightTheSpvsCallsGoOneAfterAnother() throws Exception {
        long roundTripMs = 200;
        SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, LOTS, roundTripMs, true);
        Path inbox = importRoute("one-at-a-time", "maxCallsInFlight", "1");

        drop(inbox, "tuesday.csv", file());

        assertThat(awaitResults(inbox, "tuesday.csv"))
                .extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactlyElementsOf(expectedCreated());
        List<Instant> arrivals = subscriptionCalls().stream().map(RecordedRequest::at).sorted().toList();
        assertThat(arrivals).hasSize(SPVS);
        for (int i = 1; i < arrivals.size(); i++) {
            assertThat(Duration.between(arrivals.get(i - 1), arrivals.get(i)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(roundTripMs));
        }
    }

    @Test
    void aZestThatTakesTwoCallsAtOnceGetsFewerAndNoRowFails() throws Exception {
        SANDBOX.admin().maxConcurrentCalls(2);
        SANDBOX.admin().injectFault("POST", "/v1/spvs/**", 0, LOTS, 200, true);
        // two batches of four calls each
        Path inbox = importRoute("busy", "batchSize", String.valueOf(SPVS));

        drop(inbox, "wednesday.csv", file());

        assertThat(awaitResults(inbox, "wednesday.csv"))
                .extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactlyElementsOf(expectedCreated());
        Map<Integer, Long> byStatus = subscriptionCalls().stream()
                .collect(Collectors.groupingBy(RecordedRequest::status, Collectors.counting()));
        assertThat(byStatus.get(CREATED)).as("one answered call per SPV and batch").isEqualTo(2L * SPVS);
        assertThat(byStatus.get(429)).as("the limit was met, and the import answered it").isPositive();
    }

    @Test
    void aCallThatKeepsFailingStopsTheFileAndItsRerunReportsEveryRowCreated() throws Exception {
        SandboxDeals.Spv failing = spvs.get(2);
        // every attempt of that SPV's call (the first and its one retry) fails; the other SPVs' calls are answered
        SANDBOX.admin().injectFault("POST", "/v1/spvs/" + failing.slug() + "/subscriptions", 503, 2, 0, false);
        Path inbox = importRoute("failing", "maximumRedeliveries", "1", "retryStoppedAfter", "1s");

        drop(inbox, "thursday.csv", file());

        List<CSVRecord> results = awaitResults(inbox, "thursday.csv");
        assertThat(results).extracting(row -> row.get("partnerSubscriptionId") + " " + row.get("status"))
                .containsExactlyElementsOf(expectedCreated());
        try (var summaries = Files.list(inbox.resolve("results"))) {
            assertThat(summaries.map(path -> path.getFileName().toString()))
                    .as("the stopped import's summary, then the re-run's").filteredOn(n -> n.endsWith(".summary.json"))
                    .hasSize(2);
        }
        List<RecordedRequest> calls = subscriptionCalls();
        for (SandboxDeals.Spv spv : spvs) {
            List<RecordedRequest> ofSpv = calls.stream().filter(call -> spvOf(call).equals(spv.slug())).toList();
            assertThat(ofSpv).as("the re-run repeats each call with its Idempotency-Key")
                    .extracting(RecordedRequest::idempotencyKey).containsOnly(ofSpv.get(0).idempotencyKey());
            assertThat(ofSpv.stream().filter(call -> call.status() == CREATED).count()).isEqualTo(
                    spv == failing ? 1 : 2);
        }
        assertThat(SANDBOX.sandbox().context().state().subscriptions().size()).isEqualTo(SPVS * persons.size());
    }

    /** A route of the template reading its own directory, with quick polls and retries; returns the directory. */
    private Path importRoute(String name, String... parameters) throws Exception {
        Path inbox = temp.resolve(name);
        TemplatedRouteBuilder route = TemplatedRouteBuilder.builder(camel, SubscriptionTemplates.FILE)
                .routeId(name)
                .parameter("directory", inbox.toString())
                .parameter("dataDirectory", temp.resolve("data").toString())
                .parameter("zestUri", zestUri)
                .parameter("pollDelay", "100")
                .parameter("readLockCheckInterval", "100")
                .parameter("redeliveryDelay", "50");
        for (int i = 0; i < parameters.length; i += 2) {
            route.parameter(parameters[i], parameters[i + 1]);
        }
        route.add();
        return inbox;
    }

    /** Two rows per SPV, the SPVs taking turns: one batch of 500 sends one call per SPV. */
    private String file() {
        StringBuilder file = new StringBuilder(HEADER);
        for (int person = 0; person < persons.size(); person++) {
            for (int spv = 0; spv < SPVS; spv++) {
                file.append(spvs.get(spv).slug()).append(',').append(persons.get(person)).append(",100,USD,")
                        .append(spvs.get(spv).shareClassSlug()).append(",sub-").append(spv).append('-').append(person)
                        .append('\n');
            }
        }
        return file.toString();
    }

    private List<String> expectedCreated() {
        List<String> expected = new ArrayList<>();
        for (int person = 0; person < persons.size(); person++) {
            for (int spv = 0; spv < SPVS; spv++) {
                expected.add("sub-" + spv + "-" + person + " created");
            }
        }
        return expected;
    }

    private List<String> slugs() {
        return spvs.stream().map(SandboxDeals.Spv::slug).toList();
    }

    private static List<String> twice(List<String> values) {
        List<String> twice = new ArrayList<>(values);
        twice.addAll(values);
        return twice;
    }

    private String spvOf(RecordedRequest call) {
        Matcher matcher = SUBSCRIPTIONS_PATH.matcher(call.path());
        return matcher.matches() ? matcher.group(1) : "";
    }

    private static List<RecordedRequest> subscriptionCalls() {
        return SANDBOX.admin().requests().stream()
                .filter(request -> request.method().equals("POST") && SUBSCRIPTIONS_PATH.matcher(request.path())
                        .matches())
                .toList();
    }

    /** The results once the input moved to done/: a stopped import's run left it in place. */
    private static List<CSVRecord> awaitResults(Path inbox, String name) throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(inbox.resolve("done").resolve(name)));
        return SubscriptionFileImportTest.awaitResults(inbox, name.replace(".csv", ".results.csv"));
    }
}
