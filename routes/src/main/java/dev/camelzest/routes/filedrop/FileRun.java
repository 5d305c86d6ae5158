package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import dev.camelzest.routes.ledger.FileCompletions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one dropped file while it is imported: the results and errors files being written (staged locally
 * until every row has an outcome), the counts per status and the progress log. One instance per file exchange,
 * shared by the exchanges of its batches, several of which may be in flight at once ({@link BatchesInFlight}); what
 * batches change is changed by its {@link BatchRecorder}, one batch after the other in file order, and read once
 * the recorder has caught up.
 */
final class FileRun<O extends RowOutcome> {

    private static final Logger LOG = LoggerFactory.getLogger(FileRun.class);

    private final String title;
    private final String fileName;
    private final String importId;
    private final FileFormat format;
    private final Path input;
    private final Path stagingDirectory;
    private final Clock clock;
    private final Instant startedAt;
    private final BatchRecorder recorder;
    private final InFlightLimit callLimit;
    /** The batches handed out and not yet recorded ({@link BatchesInFlight}). */
    private final InFlightLimit window;
    /** The batches Zest may have acted on and not yet recorded: a stop waits for them. */
    private final SentBatches sentBatches = new SentBatches();
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Open until the end of the import is reported (the stopped summary published, or nothing to publish). */
    private final CountDownLatch endReported = new CountDownLatch(1);
    /** Rows handed to their batch's calls and not yet recorded: the rows in flight gauge ({@link ImportMetrics}). */
    private final AtomicLong rowsInFlight = new AtomicLong();
    private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
    /** Outputs published under another name than their own (stamped, since one of their own name was there). */
    private final Map<String, String> publishedAs = new ConcurrentHashMap<>();
    /** Outputs (by their own name) an earlier run of the same file published already. */
    private final Set<String> publishedEarlier = ConcurrentHashMap.newKeySet();
    private volatile boolean outputsRecorded;
    private long rows;
    private long rowsSent;
    private long expectedRows = -1;
    private ResultWriter<O> results;
    private ResultWriter<O> errors;
    private Instant lastProgressLog;

    FileRun(FileDropFlow<?, O> flow, String fileName, String importId, FileFormat format, Path input,
            Path stagingDirectory, Clock clock, InFlightLimit callLimit, InFlightLimit window, BatchRecorder recorder) {
        this.title = flow.title();
        this.fileName = fileName;
        this.importId = importId;
        this.format = format;
        this.input = input;
        this.stagingDirectory = stagingDirectory;
        this.clock = clock;
        this.callLimit = callLimit;
        this.window = window;
        this.recorder = recorder;
        this.startedAt = clock.instant();
        this.lastProgressLog = startedAt;
        flow.statuses().forEach(status -> counts.put(status, 0L));
    }

    Instant startedAt() {
        return startedAt;
    }

    /** The output about to be written as {@code name} is written as {@code stamped}: that name was taken. */
    void publishedAs(String name, String stamped) {
        publishedAs.replaceAll((own, published) -> published.equals(name) ? stamped : published);
        publishedAs.putIfAbsent(name, stamped);
    }

    /** The name the output of this own name is published under. */
    String publishedName(String own) {
        return publishedAs.getOrDefault(own, own);
    }

    /** The results, errors and summary, by their own names. */
    List<String> outputNames() {
        return List.of(resultsName(), errorsName(), summaryName());
    }

    /** The names the file's outputs are published under, as its completion in the ledger records them. */
    FileCompletions.Outputs outputs() {
        return new FileCompletions.Outputs(publishedName(resultsName()), publishedName(errorsName()),
                publishedName(summaryName()));
    }

    /** The completion of the file is recorded, with these names for its outputs. */
    void outputsRecorded(FileCompletions.Outputs outputs) {
        publishedAs.put(resultsName(), outputs.resultsName());
        publishedAs.put(errorsName(), outputs.errorsName());
        publishedAs.put(summaryName(), outputs.summaryName());
        outputsRecorded = true;
    }

    boolean outputsRecorded() {
        return outputsRecorded;
    }

    /** An earlier run of the file, whose completion is recorded, published this output (by its own name). */
    void publishedEarlier(String own) {
        publishedEarlier.add(own);
    }

    boolean wasPublishedEarlier(String own) {
        return publishedEarlier.contains(own);
    }

    /** Every output was published by an earlier run: nothing is imported, the input is only moved. */
    boolean allPublishedEarlier() {
        return publishedEarlier.containsAll(outputNames());
    }

    BatchRecorder recorder() {
        return recorder;
    }

    /**
     * The import ends part-way (stopped, its claim lost, the file unreadable): no batch is handed out and no call is
     * sent any more, and no one waits for room; then the calls already sent are awaited, at most {@code timeout}, and
     * every batch Zest answered is recorded, in whatever order (a stopped file's results are not published), before
     * the recorder closes. So what the stopped summary counts is what Zest created, as the ledger counts it. Answers
     * the recording failure that left batches unrecorded, if one did.
     */
    Optional<RuntimeException> endPartWay(Duration timeout) {
        callLimit.close();
        window.close();
        if (!sentBatches.awaitNone(timeout)) {
            LOG.warn("{} {}: {} batches sent were not answered within {}; their rows are not counted here, and the next"
                    + " run of the file sends them again with the same Idempotency-Keys", title, fileName,
                    sentBatches.count(), timeout);
        }
        recorder.awaitQuietly();
        return recorder.failure();
    }

    SentBatches sentBatches() {
        return sentBatches;
    }

    /** The calls of the file open at once, adapted to Zest's answers ({@link CallPermits}). */
    InFlightLimit callLimit() {
        return callLimit;
    }

    /** The flow's title, for log lines: {@code Investor file}. */
    String title() {
        return title;
    }

    String fileName() {
        return fileName;
    }

    /** The file's name and content, as one id ({@link ImportId}). */
    String importId() {
        return importId;
    }

    FileFormat format() {
        return format;
    }

    Path input() {
        return input;
    }

    void expectRows(long expected) {
        this.expectedRows = expected;
    }

    /** Starts the staged results and errors files afresh (an earlier, interrupted attempt is discarded). */
    void openOutputs(ResultColumns<O> columns) {
        try {
            Files.createDirectories(stagingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + stagingDirectory, e);
        }
        results = ResultWriter.create(resultsFile(), format, columns);
        errors = ResultWriter.create(errorsFile(), format, columns);
    }

    void record(O outcome) {
        results.write(outcome);
        if (outcome.status().isError()) {
            errors.write(outcome);
        }
        counts.merge(outcome.status(), 1L, Long::sum);
        rows++;
    }

    void sent(int count) {
        rowsSent += count;
    }

    /** A batch's rows to send are handed to its calls. */
    void sending(int count) {
        rowsInFlight.addAndGet(count);
    }

    /** A batch's sent rows are recorded (a batch dropped when the import ends is not: the run ends with it). */
    void recorded(int count) {
        rowsInFlight.addAndGet(-count);
    }

    long rowsInFlight() {
        return rowsInFlight.get();
    }

    /** Makes the batch just recorded durable in the staged files. */
    void flush() {
        results.flush();
        errors.flush();
    }

    /** Where the import stands, for the stop report: {@code investors.csv: 1200 of 5000 rows read, 1100 sent}. */
    String progress() {
        return fileName + ": " + rows + " of " + expectedRows + " rows read, " + rowsSent + " sent";
    }

    void logProgressEvery(Duration interval) {
        Instant now = clock.instant();
        if (Duration.between(lastProgressLog, now).compareTo(interval) >= 0) {
            lastProgressLog = now;
            LOG.info("{} {}: {} of {} rows read, {} sent, {}; {}", title, fileName, rows, expectedRows, rowsSent,
                    countsText(), ImportProgress.rateAndTimeLeft(rows, expectedRows, Duration.between(startedAt, now)));
        }
    }

    /** {@code 3 created, 1 invalid}: the counts of the flow's statuses. */
    String countsText() {
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().value())
                .collect(Collectors.joining(", "));
    }

    /**
     * True for the first caller only: a stop (or a lost claim) is met by every batch in flight at once, and the file's
     * outputs are closed and its summary written once.
     */
    boolean endOnce() {
        return ended.compareAndSet(false, true);
    }

    /** The end {@link #endOnce} gave to its first caller is reported: the others waiting for it go on. */
    void endReported() {
        endReported.countDown();
    }

    /**
     * Waits until the end is reported, at most {@code timeout}: a batch that met the stop after the first one ends
     * only then, so that Camel's split, and with it the file's exchange, cannot end while the report still goes
     * through the route (whose processors Camel stops once the file's exchange is done).
     */
    void awaitEndReported(Duration timeout) {
        try {
            if (!endReported.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} {}: the end of the import was not reported within {}", title, fileName, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void closeOutputs() {
        if (results != null) {
            results.close();
        }
        if (errors != null) {
            errors.close();
        }
    }

    long expectedRows() {
        return expectedRows;
    }

    /** The rows sent in the batches recorded so far. */
    long rowsSent() {
        return rowsSent;
    }

    /**
     * The last check before the file is marked done: every row the first reading counted has its outcome in the
     * results. A file that ended early for any reason, one no other check caught included, then stops in place
     * instead of moving to done with rows that were never imported.
     */
    void checkEveryRowHasAnOutcome() {
        if (expectedRows >= 0 && rows != expectedRows) {
            throw new IllegalStateException(rows + " of the " + expectedRows + " rows of " + fileName
                    + " have an outcome: the file is not completed");
        }
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.value(), count));
        return byStatus;
    }

    /** The file's name without directories and extension: what its results files are named after. */
    static String baseNameOf(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    String resultsName() {
        return baseNameOf(fileName) + ".results." + format.extension();
    }

    String errorsName() {
        return baseNameOf(fileName) + ".errors." + format.extension();
    }

    String summaryName() {
        return baseNameOf(fileName) + ".summary.json";
    }

    Path resultsFile() {
        return stagingDirectory.resolve(resultsName());
    }

    Path errorsFile() {
        return stagingDirectory.resolve(errorsName());
    }

    Path stagingDirectory() {
        return stagingDirectory;
    }

    ImportSummary summary(String outcome, String reason) {
        Instant finishedAt = clock.instant();
        boolean completed = ImportSummary.COMPLETED.equals(outcome);
        return new ImportSummary(fileName, outcome, rows, countsByStatus(), startedAt.toString(),
                finishedAt.toString(), Duration.between(startedAt, finishedAt).toMillis(),
                completed ? publishedName(resultsName()) : null, completed ? publishedName(errorsName()) : null,
                reason);
    }
}
