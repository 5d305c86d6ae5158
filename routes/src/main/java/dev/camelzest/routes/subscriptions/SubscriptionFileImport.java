package dev.camelzest.routes.subscriptions;

import static dev.camelzest.routes.support.TemplateSupport.fileName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.model.Money;
import dev.camelzest.component.model.SubscriptionBulkResponse;
import dev.camelzest.component.model.SubscriptionCreateRow;
import dev.camelzest.component.model.SubscriptionResult;
import dev.camelzest.routes.ledger.InvestorLedger;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionLedger;
import dev.camelzest.routes.ledger.SubscriptionRecord;
import dev.camelzest.routes.ledger.SubscriptionStep;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.util.FileUtil;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A subscriptions file through Zest: rows checked, investors resolved through the ledger (unknown ones reported,
 * not sent), rows grouped per SPV into one {@code createSubscriptions} call each, results recorded in the ledger and
 * written to a results file, one line per row in row order.
 * <p>
 * A row whose partnerSubscriptionId the ledger holds is not sent again. Each call's Idempotency-Key is derived from
 * its content, so a file imported again after a failure part-way is the same call to Zest.
 */
public final class SubscriptionFileImport {

    static final String RUN = "zestSubscriptionRun";
    private static final String BATCH = "zestSubscriptionBatch";
    private static final String REFUSED = "zestSubscriptionBatchRefused";
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final String[] COLUMNS = { "rowNumber", "spvSlug", "partnerInvestorId", "zestPersonId",
            "partnerSubscriptionId", "status", "subscriptionSlug", "errorCode", "errorMessage" };

    /** Exchange property: the directory, relative to the input, the file goes to. */
    static final String ARCHIVE = "zestSubscriptionArchive";

    private final InvestorLedger investors;
    private final SubscriptionLedger subscriptions;
    private final String doneDirectory;
    private final String errorDirectory;

    public SubscriptionFileImport(InvestorLedger investors, SubscriptionLedger subscriptions, String doneDirectory,
            String errorDirectory) {
        this.investors = investors;
        this.subscriptions = subscriptions;
        this.doneDirectory = doneDirectory;
        this.errorDirectory = errorDirectory;
    }

    /** Reads and checks the file; the rows that can be sent become the batches of {@link #batches}. */
    public void start(Exchange exchange) throws InvalidPayloadException, IOException {
        exchange.setProperty(ARCHIVE, errorDirectory);
        Message message = exchange.getMessage();
        List<SubscriptionRow> rows;
        try (InputStreamReader reader = new InputStreamReader(message.getMandatoryBody(InputStream.class),
                StandardCharsets.UTF_8)) {
            rows = SubscriptionCsvReader.read(reader);
        }
        SubscriptionRun run = new SubscriptionRun(fileName(exchange), rows);
        Map<String, SpvBatchBuilder> bySpv = new LinkedHashMap<>();
        Set<String> seenIds = new HashSet<>();
        for (SubscriptionRow row : rows) {
            Optional<SubscriptionRowResult> problem = check(row, seenIds);
            if (problem.isPresent()) {
                run.result(problem.get());
                continue;
            }
            Optional<String> personId = person(row);
            if (personId.isEmpty()) {
                run.result(SubscriptionRowResult.problem(row, "unknown_investor", null, "unknown_investor",
                        "partnerInvestorId " + row.partnerInvestorId()
                                + " is not in the ledger: import the investor first"));
                continue;
            }
            Optional<SubscriptionRecord> known = Optional.ofNullable(row.partnerSubscriptionId())
                    .flatMap(subscriptions::byPartnerSubscriptionId);
            if (known.isPresent()) {
                run.result(new SubscriptionRowResult(row, "already_exists", known.get().personId(),
                        known.get().subscriptionSlug(), null, null));
                continue;
            }
            bySpv.computeIfAbsent(row.spvSlug(), SpvBatchBuilder::new).add(row, personId.get());
        }
        bySpv.values().forEach(builder -> run.batch(builder.build()));
        exchange.setProperty(RUN, run);
        exchange.setProperty(ARCHIVE, doneDirectory);
    }

    private static Optional<SubscriptionRowResult> check(SubscriptionRow row, Set<String> seenIds) {
        List<String> missing = new ArrayList<>();
        if (row.spvSlug() == null) {
            missing.add("spvSlug");
        }
        if (row.partnerInvestorId() == null && row.zestPersonId() == null) {
            missing.add("partnerInvestorId or zestPersonId");
        }
        if (row.amount() == null) {
            missing.add("amount");
        }
        if (row.currency() == null) {
            missing.add("currency");
        }
        if (row.shareClassSlug() == null) {
            missing.add("shareClassSlug");
        }
        if (!missing.isEmpty()) {
            return Optional.of(SubscriptionRowResult.problem(row, "invalid", null, "required",
                    String.join(", ", missing) + " required"));
        }
        if (!isPositiveDecimal(row.amount())) {
            return Optional.of(SubscriptionRowResult.problem(row, "invalid", null, "format",
                    "amount must be a positive decimal such as 50000.00"));
        }
        if (!CURRENCY.matcher(row.currency()).matches()) {
            return Optional.of(SubscriptionRowResult.problem(row, "invalid", null, "format",
                    "currency must be an ISO 4217 code such as USD"));
        }
        if (row.partnerSubscriptionId() != null && !seenIds.add(row.partnerSubscriptionId())) {
            return Optional.of(SubscriptionRowResult.problem(row, "invalid", null, "duplicate",
                    "partnerSubscriptionId " + row.partnerSubscriptionId() + " appears earlier in the file"));
        }
        return Optional.empty();
    }

    private static boolean isPositiveDecimal(String amount) {
        try {
            return new BigDecimal(amount).signum() > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private Optional<String> person(SubscriptionRow row) {
        return row.zestPersonId() != null ? Optional.of(row.zestPersonId())
                : investors.zestPersonId(row.partnerInvestorId());
    }

    public List<SpvBatch> batches(Exchange exchange) {
        return run(exchange).batches();
    }

    /** Makes the createSubscriptions call of one batch. */
    public void request(Exchange exchange) {
        SpvBatch batch = exchange.getMessage().getBody(SpvBatch.class);
        exchange.setProperty(BATCH, batch);
        List<SubscriptionCreateRow> body = new ArrayList<>();
        for (int i = 0; i < batch.rows().size(); i++) {
            SubscriptionRow row = batch.rows().get(i);
            body.add(new SubscriptionCreateRow(batch.personIds().get(i), new Money(row.currency(), row.amount()),
                    row.shareClassSlug(), row.partnerSubscriptionId()));
        }
        Message message = exchange.getMessage();
        message.setHeader(ZestConstants.SPV_SLUG, batch.spvSlug());
        message.setHeader(ZestConstants.IDEMPOTENCY_KEY, idempotencyKey(batch.spvSlug(), body));
        message.setBody(body);
    }

    static String idempotencyKey(String spvSlug, List<SubscriptionCreateRow> body) {
        StringBuilder content = new StringBuilder("zest-subscriptions:").append(spvSlug);
        body.forEach(row -> content.append('\n').append(row));
        return UUID.nameUUIDFromBytes(content.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Zest's answer to one batch: a result per row (in the order sent), recorded in the ledger. */
    public void results(Exchange exchange) {
        if (exchange.getProperty(REFUSED, false, Boolean.class)) {
            return;
        }
        SpvBatch batch = exchange.getProperty(BATCH, SpvBatch.class);
        List<SubscriptionResult> results = exchange.getMessage().getBody(SubscriptionBulkResponse.class).results();
        SubscriptionRun run = run(exchange);
        for (int i = 0; i < batch.rows().size(); i++) {
            SubscriptionRow row = batch.rows().get(i);
            SubscriptionResult result = i < results.size() ? results.get(i) : null;
            if (result == null || result.subscriptionSlug() == null) {
                run.result(SubscriptionRowResult.problem(row, "failed", batch.personIds().get(i), "no_result",
                        "Zest's reply has no result for this row"));
                continue;
            }
            subscriptions.apply(new SubscriptionChange(result.subscriptionSlug(), result.spvSlug(), result.personId(),
                    row.partnerSubscriptionId(), row.partnerInvestorId(), row.shareClassSlug(), row.currency(),
                    row.amount(), SubscriptionStep.PENDING, null, run.fileName()));
            run.result(new SubscriptionRowResult(row, "created", result.personId(), result.subscriptionSlug(), null,
                    null));
        }
    }

    /** Zest refused a batch as a whole (unknown SPV, validation): its rows fail, the other batches go on. */
    public void refused(Exchange exchange) {
        SpvBatch batch = exchange.getProperty(BATCH, SpvBatch.class);
        ZestApiException failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ZestApiException.class);
        exchange.setProperty(REFUSED, true);
        SubscriptionRun run = run(exchange);
        for (int i = 0; i < batch.rows().size(); i++) {
            run.result(SubscriptionRowResult.problem(batch.rows().get(i), "failed", batch.personIds().get(i),
                    failure.getCode(), failure.getDetail() + " (errorId " + failure.getErrorId() + ")"));
        }
    }

    /** The results file, {@code <name>.results.csv}. */
    public void finish(Exchange exchange) throws IOException {
        SubscriptionRun run = run(exchange);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter printer = CSVFormat.DEFAULT.builder().setHeader(COLUMNS).get().print(writer)) {
            for (SubscriptionRowResult result : run.results()) {
                SubscriptionRow row = result.row();
                printer.printRecord(row.rowNumber(), row.spvSlug(), row.partnerInvestorId(), result.zestPersonId(),
                        row.partnerSubscriptionId(), result.status(), result.subscriptionSlug(), result.errorCode(),
                        result.errorMessage());
            }
        }
        Message message = exchange.getMessage();
        message.setHeader(Exchange.FILE_NAME, FileUtil.stripExt(run.fileName()) + ".results.csv");
        message.setBody(out.toByteArray());
    }

    /** The report of a file that could not be read at all. */
    public void unreadable(Exchange exchange) {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String name = fileName(exchange);
        exchange.getMessage().setHeader(Exchange.FILE_NAME, name + ".error.txt");
        exchange.getMessage().setBody("Not imported: " + failure.getMessage() + "\n");
    }

    private static SubscriptionRun run(Exchange exchange) {
        return exchange.getProperty(RUN, SubscriptionRun.class);
    }

    /** Collects the rows of one SPV. */
    private static final class SpvBatchBuilder {
        private final String spvSlug;
        private final List<SubscriptionRow> rows = new ArrayList<>();
        private final List<String> personIds = new ArrayList<>();

        SpvBatchBuilder(String spvSlug) {
            this.spvSlug = spvSlug;
        }

        void add(SubscriptionRow row, String personId) {
            rows.add(row);
            personIds.add(personId);
        }

        SpvBatch build() {
            return new SpvBatch(spvSlug, List.copyOf(rows), List.copyOf(personIds));
        }
    }
}
