package dev.camelzest.routes.filedrop;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.routes.ledger.FileCompletions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one file-drop route, in the order {@link FileDropRoutes} wires them for each dropped file:
 * {@link #start}, then per batch, per call {@link #prepareCall} and {@link #answerCall}, and {@link #recordBatch};
 * then {@link #finish} and {@link #published}; {@link #rejected} for a file that cannot be read, {@link #stopped}
 * when the import stops part-way. One instance per route; the state of a file is its {@link FileRun} (an exchange
 * property), of a batch the batch exchange's body, of a call the call exchange's {@link #CALL} variable.
 */
public final class FileDropImport<R extends DropRow, O extends RowOutcome> {

    /** Exchange property: the {@link FileRun} of the file. */
    static final String RUN = "CamelZestFileDropRun";
    /** Exchange variable of a call exchange: its {@link Call}, while the body is the request and then the reply. */
    static final String CALL = "zestCall";
    /** The longest a file's import waits for room for its next batch, no batch being answered and recorded. */
    static final Duration STALL_TIMEOUT = Duration.ofMinutes(10);
    /** The longest a batch that met a stop after another waits for that one's summary to be published. */
    static final Duration STOP_REPORT_TIMEOUT = BatchRecorder.RECORDING_TIMEOUT.plusMinutes(2);
    /**
     * The longest a stop waits for the calls already sent to be answered, so that it records them: longer than a
     * call's own read timeout (the zest: endpoint's {@code readTimeout}, 60 s by default).
     */
    static final Duration STOP_CALLS_TIMEOUT = Duration.ofSeconds(75);
    /** Header: the {@link ImportSummary} of a completed file, while its results are published. */
    static final String SUMMARY = "CamelZestFileDropSummary";
    /**
     * Exchange property of a batch exchange: the batch's number in its file, from 1; with {@link #ROWS}, for the log
     * lines written while the batch is processed (camel-mdc's {@code customProperties}).
     */
    public static final String BATCH = "CamelZestBatch";
    /** Exchange property of a batch exchange: the numbers of its first and last rows, {@code 201-300}. */
    public static final String ROWS = "CamelZestRows";

    private static final Logger LOG = LoggerFactory.getLogger(FileDropImport.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final FileDropFlow<R, O> flow;
    private final FileDropSettings settings;
    private final FileCompletions completions;
    private final ImportMetrics metrics;
    private final Clock clock;
    private final Executor readingThread;
    private final Executor recordingThread;
    private final ExecutorService callingThreads;
    private final RowsInFlight rowsInFlight;

    /**
     * {@code readingThread} reads and checks the next batches ahead of the route, {@code callingThreads} (one per
     * batch in flight) send them, and {@code recordingThread} records the answered ones in file order.
     */
    public FileDropImport(FileDropFlow<R, O> flow, FileDropSettings settings, FileCompletions completions,
            ImportMetrics metrics, Clock clock, Executor readingThread, ExecutorService callingThreads,
            Executor recordingThread) {
        this.flow = flow;
        this.settings = settings;
        this.completions = completions;
        this.metrics = metrics;
        this.rowsInFlight = new RowsInFlight(metrics);
        this.clock = clock;
        this.readingThread = readingThread;
        this.recordingThread = recordingThread;
        this.callingThreads = callingThreads;
    }

    /** The threads the route's parallel split sends the batches of a file on, as many as may be in flight. */
    public ExecutorService callingThreads() {
        return callingThreads;
    }

    /**
     * Checks the whole file can be read within its bounds (nothing is sent otherwise), starts its staged results,
     * and makes the body the file's batches: checked rows, read ahead on the reading thread, handed out as the
     * batches in flight allow.
     * <p>
     * A file whose completion the ledger holds, not yet moved (its importer died after recording it, before the move),
     * is not imported again when every output it recorded is there: the body is no batch, and the file only moves.
     * When one is missing (the importer died while publishing), the file is imported again (its calls answered from
     * Zest's cache, its rows reported as before) and only the missing outputs are written, under the recorded names.
     */
    public void start(Exchange exchange) {
        metrics.fileSeen(exchange.getFromRouteId());
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        exchange.setProperty(FileDropRoutes.ARCHIVE, settings.doneDirectory());
        FileFormat format = FileFormat.of(fileName, flow.formats());
        Path input = localFile(exchange);
        checkSize(input);
        Path staging = settings.workDirectory().resolve(exchange.getFromRouteId()).resolve(safeName(fileName));
        // batches handed out and not yet recorded: twice the calls, so that a call retried does not stop the others
        InFlightLimit window = new InFlightLimit(2 * settings.maxBatchesInFlight(), STALL_TIMEOUT);
        InFlightLimit callLimit = new InFlightLimit(settings.maxCallsInFlight(), STALL_TIMEOUT);
        FileRun<O> run = new FileRun<>(flow, fileName, ImportId.of(fileName, input), format, input, staging, clock,
                callLimit, window, new BatchRecorder(recordingThread, window::release));
        exchange.setProperty(RUN, run);
        rowsInFlight.count(exchange, run);
        Optional<FileCompletions.Outputs> completed =
                completions.unmoved(ArchivingStrategy.source(exchange), run.importId());
        if (completed.isPresent()) {
            run.outputsRecorded(completed.get());
            for (String own : run.outputNames()) {
                if (holds(exchange, run.publishedName(own))) {
                    run.publishedEarlier(own);
                }
            }
            if (run.allPublishedEarlier()) {
                LOG.info("{} {} was completed by an earlier run, whose results are there ({}): it moves to {} without"
                        + " being imported again", flow.title(), fileName, completed.get().resultsName(),
                        settings.doneDirectory());
                exchange.getIn().setBody(List.of());
                return;
            }
            LOG.info("{} {} was completed by an earlier run, which did not publish all its results: importing it again"
                    + " to write the missing ones under the names recorded ({})", flow.title(), fileName,
                    completed.get());
        }
        try (RowReader<R> reader = flow.open(input, format, settings.limits())) {
            run.expectRows(reader.countRemaining());
        }
        run.openOutputs(flow.columns());
        LOG.info("{} {}: importing {} rows in batches of at most {}", flow.title(), fileName, run.expectedRows(),
                settings.batchSize());
        RowReader<R> reader = flow.open(input, format, settings.limits());
        exchange.getIn().setBody(new BatchesInFlight<>(new ReadAhead<>(new Batches<>(reader, flow.check(staging), flow,
                settings.batchSize()), readingThread), window));
    }

    private void checkSize(Path input) {
        try {
            long size = Files.size(input);
            if (size > settings.limits().maxFileSize()) {
                throw new UnreadableFileException("The file has " + size + " bytes, more than maxFileSize ("
                        + settings.limits().maxFileSize() + " bytes)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the size of " + input, e);
        }
    }

    /**
     * A batch goes out to its calls: its rows to send count as in flight until it is recorded, and the exchange names
     * the batch and its rows ({@link #BATCH}, {@link #ROWS}) for the log lines written while it is processed.
     */
    public static void beginBatch(Exchange exchange) {
        Batch<?, ?> batch = exchange.getIn().getBody(Batch.class);
        exchange.setProperty(BATCH, batch.sequence() + 1);
        exchange.setProperty(ROWS, batch.rowRange());
        runOf(exchange).sending(batch.sentRows());
    }

    /**
     * Makes a call exchange ready to send: the body becomes the call's request with its headers, and the
     * {@link Call} stays on the exchange as a variable for {@link #answerCall}: across a failed send, Camel leaves
     * the body as it was sent. The request and its key are made before the call takes its permit, which then
     * covers the call alone.
     */
    public static void prepareCall(Exchange exchange) throws InterruptedException {
        Call<?> call = exchange.getIn().getBody(Call.class);
        exchange.setVariable(CALL, call);
        Object request = call.call().request();
        exchange.getIn().getHeaders().putAll(call.call().headers());
        if (exchange.getIn().getHeader(ZestConstants.IDEMPOTENCY_KEY) == null) {
            exchange.getIn().setHeader(ZestConstants.IDEMPOTENCY_KEY,
                    call.idempotencyKey(exchange.getProperty(RUN, FileRun.class).importId(), request));
        }
        exchange.getIn().setBody(request);
        CallPermits.acquire(exchange);
    }

    /**
     * Gives the call's rows their outcomes: from Zest's reply or, when the route went on past a refused call (a
     * flow where a refusal fails the call's rows only), from the refusal.
     */
    public static void answerCall(Exchange exchange) {
        Call<?> call = exchange.getVariable(CALL, Call.class);
        CallPermits.answered(exchange);
        // a retryable failure caught before a successful redelivery may linger in the property: not a refusal
        ZestApiException refusal = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, ZestApiException.class);
        if (refusal != null && !refusal.isRetryable()) {
            call.refused(refusal);
        } else {
            call.answered(exchange.getIn().getBody());
        }
    }

    /**
     * Records every row of the answered batch: the flow's ledger first, then the staged results, in file order.
     * The recording runs behind the route (see {@link BatchRecorder}) while the next batch is sent.
     */
    public void recordBatch(Exchange exchange) {
        FileRun<O> run = run(exchange);
        @SuppressWarnings("unchecked")
        Batch<R, O> batch = exchange.getIn().getBody(Batch.class);
        String routeId = exchange.getFromRouteId();
        run.recorder().submit(batch.sequence(), () -> record(run, batch, routeId));
        run.sentBatches().settled(batch.sequence());
    }

    /** Runs on the recording thread: the ledger first, so a row is in the results only once it is recorded. */
    private void record(FileRun<O> run, Batch<R, O> batch, String routeId) {
        List<O> outcomes = flow.record(batch.rows(), batch.outcomes(), run.fileName(), run.importId());
        run.sent(batch.sentRows());
        outcomes.forEach(run::record);
        run.flush();
        run.recorded(batch.sentRows());
        metrics.rows(routeId, "read", batch.size());
        metrics.rows(routeId, "sent", batch.sentRows());
        for (RowStatus status : flow.statuses()) {
            metrics.rows(routeId, status.value(), outcomes.stream().filter(o -> o.status() == status).count());
        }
        run.logProgressEvery(settings.progressInterval());
    }

    /**
     * Every row has an outcome: closes the staged files, records the file's completion in the ledger with the names its
     * outputs are to be published under (their own, or stamped where a file of that name is there already), and the
     * body becomes the results and errors to publish (those an earlier run did not). Once the input has moved, the
     * completion is marked so.
     * <p>
     * A file of a chosen name written between this look and the publishing (another file of the same base name,
     * finishing on another replica at that very moment) makes the publishing stamp the name as before; the completion
     * still records the name looked at, so a crash before the move would then leave this file's outputs unwritten.
     */
    public void finish(Exchange exchange) {
        FileRun<O> run = run(exchange);
        run.recorder().awaitRecorded();
        run.checkEveryRowHasAnOutcome();
        run.closeOutputs();
        checkClaim(exchange);
        String source = ArchivingStrategy.source(exchange);
        if (!run.outputsRecorded()) {
            for (String own : run.outputNames()) {
                if (holds(exchange, own)) {
                    run.publishedAs(own, OutputFile.stamped(own, run.startedAt()));
                }
            }
            run.outputsRecorded(completions.record(source, run.importId(), run.fileName(), run.outputs()));
        }
        exchange.setProperty(ArchivingStrategy.AFTER_MOVE, (Runnable) () -> markMoved(source, run));
        List<OutputFile> outputs = new ArrayList<>();
        if (!run.wasPublishedEarlier(run.resultsName())) {
            outputs.add(OutputFile.staged(run.publishedName(run.resultsName()), run.resultsFile()));
        }
        if (!run.wasPublishedEarlier(run.errorsName())) {
            outputs.add(OutputFile.staged(run.publishedName(run.errorsName()), run.errorsFile()));
        }
        exchange.getIn().setBody(outputs);
    }

    private void markMoved(String source, FileRun<O> run) {
        try {
            completions.moved(source, run.importId());
        } catch (RuntimeException e) {
            // the file is done and moved; the completion left unmarked only makes an identical drop of it move unread
            LOG.warn("{} {} moved, but the ledger cannot mark its completion so: {}", flow.title(), run.fileName(),
                    e.getMessage());
        }
    }

    /** Whether the output of that name is in the results directory already. */
    private boolean holds(Exchange exchange, String name) {
        return ArchivingStrategy.holds(exchange, settings.resultsDirectory() + "/" + name);
    }

    /**
     * The results and errors are published: the body becomes the summary, last, naming them as they were published
     * (their own names, or stamped ones: {@link #stampName}).
     */
    public void summarize(Exchange exchange) {
        FileRun<O> run = run(exchange);
        ImportSummary summary = run.summary(ImportSummary.COMPLETED, null);
        exchange.getIn().setHeader(SUMMARY, summary);
        exchange.getIn().setBody(run.wasPublishedEarlier(run.summaryName()) ? List.of()
                : List.of(OutputFile.inMemory(run.publishedName(run.summaryName()), json(summary))));
    }

    /**
     * A file of the name about to be written is there already (an earlier import of a file with the same name, or
     * that import's stopped summary): the file gets that name stamped with the time its import started, and a
     * completed import's summary names it so. The earlier file stays as it is.
     */
    public static void stampName(Exchange exchange) {
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        FileRun<?> run = exchange.getProperty(RUN, FileRun.class);
        String stamped = OutputFile.stamped(name, run != null ? run.startedAt() : Instant.now());
        LOG.info("{} is there already: writing {} instead", name, stamped);
        exchange.getIn().setHeader(Exchange.FILE_NAME, stamped);
        if (run != null) {
            run.publishedAs(name, stamped);
        }
    }

    /**
     * Before each batch: when Camel is stopping (the application was asked to stop, or the route was), the import
     * stops here, after the batch before it is recorded, rather than running on while Camel waits for it or closing
     * what it writes to. The file stays in place for the next run, on this instance or another.
     */
    public static void checkRunning(Exchange exchange) {
        CamelContext camelContext = exchange.getContext();
        String routeId = exchange.getFromRouteId();
        boolean routeStopping = routeId != null && camelContext.getRouteController().getRouteStatus(routeId) != null
                && camelContext.getRouteController().getRouteStatus(routeId).isStopping();
        if (camelContext.isStopping() || routeStopping) {
            throw new ImportInterruptedException();
        }
        checkClaim(exchange);
    }

    /** With several replicas: throws {@link ClaimLostException} when this one no longer holds the file's claim. */
    static void checkClaim(Exchange exchange) {
        ClaimedReadLock.HeldClaim claim = exchange.getProperty(ClaimedReadLock.CLAIM, ClaimedReadLock.HeldClaim.class);
        if (claim != null && !claim.stillHeld()) {
            throw new ClaimLostException(exchange.getIn().getHeader(Exchange.FILE_NAME, String.class));
        }
    }

    /** The results are published: the file may now move to the done directory. */
    public void published(Exchange exchange) {
        FileRun<O> run = run(exchange);
        ImportSummary summary = exchange.getIn().getHeader(SUMMARY, ImportSummary.class);
        if (run.allPublishedEarlier()) {
            metrics.file(exchange.getFromRouteId(), ImportSummary.COMPLETED, Duration.ZERO);
            return;
        }
        LOG.info("{} {} completed: {} rows, {} in {} ms", flow.title(), run.fileName(), summary.rows(),
                run.countsText(), summary.durationMillis());
        metrics.file(exchange.getFromRouteId(), ImportSummary.COMPLETED, Duration.ofMillis(summary.durationMillis()));
        deleteStaging(run);
    }

    /** The file cannot be read: the body becomes its report, for the error directory it is moved to. */
    public void rejected(Exchange exchange) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun<O> run = run(exchange);
        long rowsSent = 0;
        if (run != null) {
            unrecorded(run, run.endPartWay(STOP_CALLS_TIMEOUT), cause);
            run.closeOutputs();
            deleteStaging(run);
            rowsSent = run.rowsSent();
        }
        exchange.setProperty(FileDropRoutes.ARCHIVE, settings.errorDirectory());
        LOG.error("{} {} cannot be read and goes to {}: {}", flow.title(), fileName, settings.errorDirectory(),
                cause.getMessage());
        metrics.file(exchange.getFromRouteId(), ImportSummary.REJECTED, Duration.ZERO);
        String report = flow.title() + ": " + fileName + "\n"
                + "Rejected at: " + clock.instant() + "\n"
                + "Reason: " + cause.getMessage() + "\n\n"
                + sentBeforeRejected(rowsSent) + " Correct the file and drop it again.\n";
        exchange.getIn().setBody(OutputFile.inMemory(fileName.substring(fileName.lastIndexOf('/') + 1)
                + ".error.txt", report.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * What Zest got of a rejected file. Its first reading finds nearly every reason to reject one, before anything is
     * sent; one found by the reading as the batches go out (the file was changed under the import) comes after the
     * batches before it were sent and recorded.
     */
    private static String sentBeforeRejected(long rowsSent) {
        return rowsSent == 0 ? "No row of this file was sent to Zest."
                : rowsSent + " rows of this file were sent to Zest and recorded in the ledger before it could not be"
                        + " read further; no other row was sent.";
    }

    /**
     * The import stopped part-way (credentials refused, request rejected, retries exhausted, the ledger down): the
     * file stays where it is for a later run, held back for a while, and the body becomes a summary saying why.
     * Camel stopping ({@link ImportInterruptedException}) stops it too, the batches sent recorded, without the hold.
     * The later run of the same file reports the rows this one created as {@code created} (the ledger knows which
     * file created each), and so does a row sent in a batch whose answer was never recorded (the process was killed):
     * the same call again, with the same Idempotency-Key, is answered from Zest's cache.
     */
    public void stopped(Exchange exchange) {
        String fileName = exchange.getIn().getHeader(Exchange.FILE_NAME, String.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileRun<O> run = run(exchange);
        settleFailedBatch(exchange, run);
        if (run != null && !run.endOnce()) {
            // another batch in flight met the same stop and reports it: this one ends once the report is out
            run.awaitEndReported(STOP_REPORT_TIMEOUT);
            exchange.setRouteStop(true);
            return;
        }
        String reason;
        if (cause instanceof ImportInterruptedException) {
            reason = cause.getMessage() + "; the file stays in place and is imported again when the import runs"
                    + " again, here or on another replica";
            LOG.info("{} {} stopped: {}", flow.title(), fileName, reason);
        } else {
            // the hold is the consumer's own filter, so the file is skipped by the very endpoint that polls it
            if (exchange.getFromEndpoint() instanceof GenericFileEndpoint<?> source
                    && source.getFilter() instanceof StoppedFiles stoppedFiles) {
                stoppedFiles.hold(fileName, exchange.getIn().getHeader(Exchange.FILE_LENGTH, -1L, Long.class),
                        exchange.getIn().getHeader(Exchange.FILE_LAST_MODIFIED, -1L, Long.class));
            }
            reason = ImportFailures.describe(cause) + "; the file stays in place and is tried again after "
                    + settings.retryStoppedAfter() + " or when it changes";
            LOG.error("{} {} stopped: {}", flow.title(), fileName, reason);
        }
        ImportSummary summary;
        if (run != null) {
            String unrecorded = unrecorded(run, run.endPartWay(STOP_CALLS_TIMEOUT), cause);
            run.closeOutputs();
            summary = run.summary(ImportSummary.STOPPED, unrecorded == null ? reason : reason + "; " + unrecorded);
            metrics.file(exchange.getFromRouteId(), ImportSummary.STOPPED,
                    Duration.ofMillis(summary.durationMillis()));
        } else {
            summary = new ImportSummary(fileName, ImportSummary.STOPPED, 0, Map.of(), clock.instant().toString(),
                    clock.instant().toString(), 0, null, null, reason);
        }
        String summaryName = FileRun.baseNameOf(fileName) + ".summary.json";
        if (run != null && run.outputsRecorded() && run.publishedName(run.summaryName()).equals(summaryName)) {
            // that name is kept for the completed summary the completion recorded: it must not be taken for this one
            summaryName = OutputFile.stamped(summaryName, run.startedAt());
        }
        exchange.getIn().setBody(OutputFile.inMemory(summaryName, json(summary)));
    }

    /** The stopped summary is published (or its publishing failed): the batches that met the same stop may end. */
    public static void stopReported(Exchange exchange) {
        FileRun<?> run = runOf(exchange);
        if (run != null) {
            run.endReported();
        }
    }

    /**
     * Another replica holds the file now: this one lets its calls end and its recorder finish, writes no results
     * and no summary (the holder writes them), and the route rolls back, leaving the file in place.
     */
    public static void claimLost(Exchange exchange) {
        FileRun<?> run = runOf(exchange);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        settleFailedBatch(exchange, run);
        if (run != null && !run.endOnce()) {
            run.awaitEndReported(STOP_REPORT_TIMEOUT);
            return;
        }
        LOG.warn("{}; this replica stops importing it and writes nothing", cause.getMessage());
        if (run != null) {
            try {
                unrecorded(run, run.endPartWay(STOP_CALLS_TIMEOUT), cause);
                run.closeOutputs();
            } finally {
                run.endReported();
            }
        }
    }

    /**
     * A recording failed while the import ended part-way, and not the one that ended it (that one is reported as the
     * reason): logged, and said in the summary (returned), since the batches after it are not counted there.
     */
    private static String unrecorded(FileRun<?> run, Optional<RuntimeException> failure, Throwable cause) {
        if (failure.isEmpty() || isCausedBy(cause, failure.get())) {
            return null;
        }
        String unrecorded = "recording the batches answered before the end failed (" + ImportFailures.describe(
                failure.get()) + "): their rows are not counted here, and the next run of the file sends them again"
                + " with the same Idempotency-Keys";
        LOG.error("{} {}: {}", run.title(), run.fileName(), unrecorded);
        return unrecorded;
    }

    private static boolean isCausedBy(Throwable cause, Throwable failure) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }

    /**
     * The exchange that failed is a batch's (or one of its calls'): that batch will not be recorded, so the end of the
     * import waits for it no longer. A file's exchange may carry the property of the batch whose failure it took over.
     */
    private static void settleFailedBatch(Exchange exchange, FileRun<?> run) {
        Long batch = exchange.getProperty(BATCH, Long.class);
        if (run != null && batch != null) {
            run.sentBatches().settled(batch - 1);
        }
    }

    private FileRun<O> run(Exchange exchange) {
        return runOf(exchange);
    }

    @SuppressWarnings("unchecked")
    static <O extends RowOutcome> FileRun<O> runOf(Exchange exchange) {
        return exchange.getProperty(RUN, FileRun.class);
    }

    private static Path localFile(Exchange exchange) {
        Object body = exchange.getIn().getBody();
        if (body instanceof GenericFile<?> file) {
            body = file.getBody() instanceof File local ? local : file.getFile();
        }
        if (body instanceof File local) {
            return local.toPath();
        }
        throw new IllegalStateException("The import reads a local copy of the file; the consumer gave "
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

    private static void deleteStaging(FileRun<?> run) {
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
