package dev.camelzest.routes.investors;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelzest.routes.ledger.InvestorLedger;
import dev.camelzest.routes.ledger.InvestorMapping;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.support.GroupIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one investor import route, called by the route in this order for each input file:
 * {@link #start}, then per batch {@link #request} and {@link #results}, then {@link #finish} and
 * {@link #published}; {@link #rejected} for a file that cannot be read, {@link #stopped} when the import stops
 * part-way. One instance per route (a template bean); the state of a file lives in its exchange.
 */
public final class InvestorFileImport {

    /** Exchange property: the {@link ImportRun} of the file. */
    public static final String RUN = "CamelZestInvestorImportRun";
    /** Exchange property: the directory (relative to the input) the file is moved to once accounted for. */
    public static final String ARCHIVE = "CamelZestInvestorImportArchive";
    /** Exchange property of a batch exchange: the {@link CheckedRow}s of the batch. */
    public static final String BATCH = "CamelZestInvestorImportBatch";
    /** Header: the {@link ImportSummary} of a completed file, while its results are published. */
    public static final String SUMMARY = "CamelZestInvestorImportSummary";
    /** Exchange property of a batch exchange: how many of its rows are sent (the valid ones). */
    public static final String SEND_COUNT = "CamelZestInvestorImportSendCount";

    private static final Logger LOG = LoggerFactory.getLogger(InvestorFileImport.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ImportSettings settings;
    private final InvestorLedger ledger;
    private final ImportMetrics metrics;
    private final Clock clock;
    private final Executor readingThread;
    private final Executor recordingThread;

    /**
     * {@code readingThread} reads and checks the next batches ahead of the route, {@code recordingThread} records
     * the answered ones: each a single thread, so that the route's own thread does little more than send.
     */
    public InvestorFileImport(ImportSettings settings, InvestorLedger ledger, ImportMetrics metrics,
            Clock clock, Executor readingThread, Executor recordingThread) {
        this.settings = settings;
        this.ledger = ledger;
        this.metrics = metrics;
        this.clock = clock;
        this.readingThread = readingThread;
        this.recordingThread = recordingThread;
    }

    /** Checks the whole file can be read (nothing is sent otherwise) and starts its staged results. */
    public void start(Exchange exchange) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        exchange.setProperty(ARCHIVE, settings.doneDirectory());
        InvestorFileFormat format = InvestorFileFormat.of(fileName);
        Path staging = settings.workDirectory().resolve(exchange.getFromRouteId()).resolve(safeName(fileName));
        ImportRun run = new ImportRun(fileName, format, localFile(exchange), staging, clock,
                new BatchRecorder(recordingThread));
        exchange.setProperty(RUN, run);
        run.expectRows(countReadableRows(run));
        run.openOutputs();
        LOG.info("Investor file {}: importing {} rows in batches of at most {}", fileName, run.expectedRows(),
                settings.batchSize());
    }

    private long countReadableRows(ImportRun run) {
        try (InvestorRowReader reader = run.format().open(run.input(), settings.readOptions())) {
            return reader.countRemaining();
        }
    }

    /** The checked rows of the file, streamed in groups of {@code batchSize}, one group a bulk call, read ahead. */
    public Iterator<?> batches(Exchange exchange) {
        ImportRun run = run(exchange);
        InvestorRowReader reader = run.format().open(run.input(), settings.readOptions());
        return new ReadAhead<>(new GroupIterator(new CheckedRows(reader, SeenInvestorIds.in(run.stagingDirectory())),
                settings.batchSize()), readingThread);
    }

    /** Turns a batch into the {@code bulkCreateInvestors} body: the valid rows, in input order. */
    public void request(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<CheckedRow> batch = exchange.getIn().getBody(List.class);
        exchange.setProperty(BATCH, batch);
        List<Map<String, Object>> investors = new ArrayList<>(batch.size());
        for (CheckedRow checked : batch) {
            if (checked.isValid()) {
                investors.add(checked.row().toCreateRow());
            }
        }
        exchange.setProperty(SEND_COUNT, investors.size());
        exchange.getIn().setBody(investors);
    }

    /**
     * Records every row of the batch: in the ledger first, then in the staged results, in input order. The
     * recording runs behind the route (see {@link BatchRecorder}) while the next batch is sent.
     */
    public void results(Exchange exchange) {
        ImportRun run = run(exchange);
        @SuppressWarnings("unchecked")
        List<CheckedRow> batch = exchange.getProperty(BATCH, List.class);
        int sentRows = exchange.getProperty(SEND_COUNT, 0, Integer.class);
        BulkReply reply = sentRows == 0 ? null : BulkReply.of(exchange.getIn().getBody());
        String routeId = exchange.getFromRouteId();
        run.recorder().submit(() -> record(run, batch, reply, sentRows, routeId));
    }

    /** Runs on the recording thread: the ledger first, so a row is in the results only once it is recorded. */
    private void record(ImportRun run, List<CheckedRow> batch, BulkReply reply, int sentRows, String routeId) {
        List<RowResult> results = new ArrayList<>(batch.size());
        List<InvestorMapping> mappings = new ArrayList<>();
        for (CheckedRow checked : batch) {
            RowResult result = checked.isValid() ? reply.resultFor(checked.row())
                    : RowResult.invalid(checked.row(), checked.error());
            results.add(result);
            if (result.zestPersonId() != null) {
                InvestorRow row = checked.row();
                mappings.add(new InvestorMapping(row.partnerInvestorId(), result.zestPersonId(), row.email(),
                        row.firstName(), row.lastName()));
            }
        }
        ledger.record(mappings, run.fileName());
        run.sent(sentRows);
        results.forEach(run::record);
        run.flush();
        countRows(routeId, batch.size(), sentRows, results);
        run.logProgressEvery(settings.progressInterval());
    }

    private void countRows(String routeId, int read, int sent, List<RowResult> results) {
        metrics.rows(routeId, "read", read);
        metrics.rows(routeId, "sent", sent);
        for (RowStatus status : RowStatus.values()) {
            metrics.rows(routeId, status.value(), results.stream().filter(r -> r.status() == status).count());
        }
    }

    /** Every row has a result: closes the staged files and hands over the files to publish, summary last. */
    public List<OutputFile> finish(Exchange exchange) {
        ImportRun run = run(exchange);
        run.recorder().awaitRecorded();
        run.closeOutputs();
        ImportSummary summary = run.summary(ImportSummary.COMPLETED, null);
        exchange.getIn().setHeader(SUMMARY, summary);
        return List.of(OutputFile.staged(run.resultsName(), run.resultsFile()),
                OutputFile.staged(run.errorsName(), run.errorsFile()),
                OutputFile.inMemory(run.summaryName(), json(summary)));
    }

    /** The results are published: the file may now move to the done directory. */
    public void published(Exchange exchange) {
        ImportRun run = run(exchange);
        ImportSummary summary = exchange.getIn().getHeader(SUMMARY, ImportSummary.class);
        LOG.info("Investor file {} completed: {} rows, {} created, {} already_exists, {} failed, {} invalid in {} ms",
                run.fileName(), summary.rows(), run.count(RowStatus.CREATED), run.count(RowStatus.ALREADY_EXISTS),
                run.count(RowStatus.FAILED), run.count(RowStatus.INVALID), summary.durationMillis());
        metrics.file(exchange.getFromRouteId(), ImportSummary.COMPLETED, Duration.ofMillis(summary.durationMillis()));
        deleteStaging(run);
    }

    /** The file cannot be read: it goes to the error directory, with a report saying why. */
    public OutputFile rejected(Exchange exchange) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ImportRun run = exchange.getProperty(RUN, ImportRun.class);
        if (run != null) {
            run.recorder().awaitQuietly();
            run.closeOutputs();
            deleteStaging(run);
        }
        exchange.setProperty(ARCHIVE, settings.errorDirectory());
        LOG.error("Investor file {} cannot be read and goes to {}: {}", fileName, settings.errorDirectory(),
                cause.getMessage());
        metrics.file(exchange.getFromRouteId(), ImportSummary.REJECTED, Duration.ZERO);
        String report = "Investor file: " + fileName + "\n"
                + "Rejected at: " + clock.instant() + "\n"
                + "Reason: " + cause.getMessage() + "\n\n"
                + "No row of this file was sent to Zest. Correct the file and drop it again.\n";
        return OutputFile.inMemory(fileName.substring(fileName.lastIndexOf('/') + 1) + ".error.txt",
                report.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The import stopped part-way (credentials refused, request rejected, retries exhausted): the file stays where
     * it is for a later run, held back for a while, and a summary says why. Rows already created come back
     * {@code already_exists} on that run.
     */
    public OutputFile stopped(Exchange exchange) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ImportRun run = exchange.getProperty(RUN, ImportRun.class);
        // the hold is the consumer's own filter, so the file is skipped by the very endpoint that polls it
        if (exchange.getFromEndpoint() instanceof GenericFileEndpoint<?> source
                && source.getFilter() instanceof StoppedFiles stoppedFiles) {
            stoppedFiles.hold(fileName, exchange.getIn().getHeader(Exchange.FILE_LENGTH, -1L, Long.class),
                    exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED, -1L, Long.class));
        }
        String reason = ImportFailures.describe(cause) + "; the file stays in place and is tried again after "
                + settings.retryStoppedAfter() + " or when it changes";
        LOG.error("Investor file {} stopped: {}", fileName, reason);
        ImportSummary summary;
        if (run != null) {
            run.recorder().awaitQuietly();
            run.closeOutputs();
            summary = run.summary(ImportSummary.STOPPED, reason);
            metrics.file(exchange.getFromRouteId(), ImportSummary.STOPPED,
                    Duration.ofMillis(summary.durationMillis()));
        } else {
            summary = new ImportSummary(fileName, ImportSummary.STOPPED, 0, Map.of(), clock.instant().toString(),
                    clock.instant().toString(), 0, null, null, reason);
        }
        return OutputFile.inMemory(ImportRun.baseNameOf(fileName) + ".summary.json", json(summary));
    }

    private static ImportRun run(Exchange exchange) {
        return exchange.getProperty(RUN, ImportRun.class);
    }

    private static Path localFile(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> file) {
            body = file.getBody() instanceof File local ? local : file.getFile();
        }
        if (body instanceof File local) {
            return local.toPath();
        }
        throw new IllegalStateException("The investor import reads a local copy of the file; the consumer gave "
                + (body == null ? "no body" : body.getClass().getName())
                + " (an sftp: source needs localWorkDirectory)");
    }

    private static String safeName(String fileName) {
        return fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static byte[] json(ImportSummary summary) {
        try {
            return JSON.writeValueAsBytes(summary);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteStaging(ImportRun run) {
        Path directory = run.stagingDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clean " + directory, e);
        }
    }
}
