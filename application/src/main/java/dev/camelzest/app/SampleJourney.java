package dev.camelzest.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The demo: walks the partner journey through the running routes, as a partner's systems would, by dropping
 * files — an SPV request, an investors file with a few bad rows, a subscriptions file for the investors Zest
 * onboarded, a signed form and a funding receipt each — and waits for each step in the ledger, then prints
 * where every input and result is and what happened to every row and event.
 */
final class SampleJourney implements Runnable {

    static final String LOCAL_ID = "demo-deal";
    static final String FINISHED = "camel-zest: the sample journey is complete";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(120);

    private final CamelContext camel;
    private final Ledger ledger;
    private final Path sftpRoot;
    private final Path spvRequests;
    private final Path events;
    private final PrintStream console;

    SampleJourney(CamelContext camel, Ledger ledger, Path sftpRoot, Path spvRequests, Path events, PrintStream console) {
        this.camel = camel;
        this.ledger = ledger;
        this.sftpRoot = sftpRoot;
        this.spvRequests = spvRequests;
        this.events = events;
        this.console = console;
    }

    @Override
    public void run() {
        try {
            walk();
        } catch (Exception e) {
            console.println("camel-zest: the sample journey did not finish: " + e.getMessage());
        }
    }

    private void walk() throws Exception {
        say("1/5 an SPV request file in " + spvRequests);
        drop("demo/spv-request.yaml", spvRequests.resolve(LOCAL_ID + ".yaml"));
        SpvRequestRecord spv = await("the SPV request to be approved", () -> ledger.spvRequests().byLocalId(LOCAL_ID)
                .filter(request -> "approved".equals(request.status())));
        String shareClass = shareClassOf(spv.slug());
        say("    approved by Zest: SPV " + spv.vehicleSlug() + ", share class " + shareClass);

        Path investors = sftpRoot.resolve("investors");
        say("2/5 an investors file on SFTP: " + investors.resolve("investors.csv"));
        drop("demo/investors.csv", investors.resolve("investors.csv"));
        await("the investors file to be done", () -> exists(investors.resolve("done/investors.csv")));
        List<CSVRecord> rows = readCsv(investors.resolve("results/investors.results.csv"));
        List<String> onboarded = rows.stream().filter(row -> !row.get("zestPersonId").isEmpty())
                .map(row -> row.get("partnerInvestorId")).toList();

        Path subscriptions = sftpRoot.resolve("subscriptions");
        say("3/5 a subscriptions file on SFTP for the " + onboarded.size() + " onboarded investors: "
                + subscriptions.resolve("subscriptions.csv"));
        dropText(subscriptionsCsv(spv.vehicleSlug(), shareClass, onboarded), subscriptions.resolve("subscriptions.csv"));
        await("the subscriptions file to be done", () -> exists(subscriptions.resolve("done/subscriptions.csv")));

        Path documents = sftpRoot.resolve("documents");
        say("4/5 a signed form and a funding receipt per investor on SFTP: " + documents);
        for (String investor : onboarded) {
            dropDocument(documents, investor + "-form.pdf", "demo/signed-form.pdf",
                    "{\"type\": \"form\", \"spvSlug\": \"" + spv.vehicleSlug() + "\", \"partnerInvestorId\": \""
                    + investor + "\"}");
            dropDocument(documents, investor + "-receipt.pdf", "demo/funding-receipt.pdf",
                    "{\"type\": \"funding\", \"spvSlug\": \"" + spv.vehicleSlug() + "\", \"partnerInvestorId\": \""
                    + investor + "\", \"amount\": \"25000.00\", \"currency\": \"USD\", \"wireReference\": \"DEMO-"
                    + investor + "\"}");
        }

        say("5/5 waiting for Zest to complete the subscriptions");
        await("every subscription to be completed", () -> onboarded.stream().allMatch(this::completed)
                ? Optional.of(true) : Optional.empty());
        await("the events of the journey", () -> eventCounts().getOrDefault("subscription.completed", 0L)
                >= onboarded.size() ? Optional.of(true) : Optional.empty());
        report(rows, investors, subscriptions, documents);
    }

    private boolean completed(String partnerInvestorId) {
        return ledger.subscriptions().byPartnerSubscriptionId("demo-sub-" + partnerInvestorId)
                .map(SubscriptionRecord::status).filter("completed"::equals).isPresent();
    }

    private String shareClassOf(String spvRequestSlug) {
        ProducerTemplate producer = camel.createProducerTemplate();
        try {
            return producer.requestBodyAndHeader("zest:getSpvRequest", null, ZestConstants.SLUG, spvRequestSlug,
                    SpvRequestResponse.class).feesAndCarry().shareClasses().get(0).slug();
        } finally {
            stop(producer);
        }
    }

    private static String subscriptionsCsv(String spvSlug, String shareClass, List<String> investors) {
        StringBuilder csv = new StringBuilder("spvSlug,partnerInvestorId,amount,currency,shareClassSlug,partnerSubscriptionId\n");
        investors.forEach(investor -> csv.append(String.join(",", spvSlug, investor, "25000.00", "USD", shareClass,
                "demo-sub-" + investor)).append('\n'));
        return csv.toString();
    }

    private void report(List<CSVRecord> rows, Path investors, Path subscriptions, Path documents) throws IOException {
        say("");
        say("Investors  " + investors.resolve("done/investors.csv") + " -> " + investors.resolve("results/"));
        for (CSVRecord row : rows) {
            say(String.format("  row %-3s %-14s %-15s %s", row.get("rowNumber"), row.get("partnerInvestorId"),
                    row.get("status"), row.get("zestPersonId").isEmpty()
                            ? row.get("errorCode") + " " + row.get("errorField") + ": " + row.get("errorMessage")
                            : row.get("zestPersonId")));
        }
        say("Subscriptions  " + subscriptions.resolve("done/subscriptions.csv") + " -> " + subscriptions.resolve("results/"));
        say("Documents  " + documents.resolve("done/") + " (each with its .result.json)");
        say("Events  " + events + ":");
        eventCounts().forEach((type, count) -> say(String.format("  %-36s %d", type, count)));
        say("Ledger  " + ledger.investors().count() + " investors, " + ledger.webhookEvents().count() + " events recorded");
        say("");
        say("Drop more files: investors CSV or JSON Lines in " + investors + ", subscriptions in " + subscriptions
                + ", documents with a .manifest.json in " + documents + " (or over SFTP), SPV requests in " + spvRequests);
        console.println(FINISHED);
    }

    private Map<String, Long> eventCounts() {
        if (!Files.isDirectory(events)) {
            return Map.of();
        }
        try (Stream<Path> files = Files.list(events)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json"))
                    .map(name -> name.substring(0, name.indexOf("--") > 0 ? name.indexOf("--") : name.length()))
                    .collect(Collectors.groupingBy(type -> type, TreeMap::new, Collectors.counting()));
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void dropDocument(Path directory, String name, String resource, String manifest) throws IOException {
        dropText(manifest, directory.resolve(name + ".manifest.json"));
        drop(resource, directory.resolve(name));
    }

    /** Written under a hidden name and renamed: the routes never see half a file. */
    private static void drop(String resource, Path target) throws IOException {
        try (InputStream in = SampleJourney.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing resource " + resource);
            }
            Files.createDirectories(target.getParent());
            Path part = target.resolveSibling("." + target.getFileName() + ".part");
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void dropText(String text, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path part = target.resolveSibling("." + target.getFileName() + ".part");
        Files.writeString(part, text, StandardCharsets.UTF_8);
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new ArrayList<>(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords());
        }
    }

    private static Optional<Boolean> exists(Path file) {
        return Files.exists(file) ? Optional.of(true) : Optional.empty();
    }

    private static <T> T await(String what, Supplier<Optional<T>> check) throws InterruptedException {
        Instant deadline = Instant.now().plus(STEP_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("gave up waiting for " + what + " after " + STEP_TIMEOUT.toSeconds() + " s");
    }

    private static void stop(ProducerTemplate producer) {
        try {
            producer.stop();
        } catch (RuntimeException e) {
            // nothing held that outlives the journey
        }
    }

    private void say(String line) {
        console.println(line.isEmpty() ? line : "camel-zest: " + line);
    }
}
