package dev.camelzest.routes.investors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one input file while it is imported: the results and errors files being written (staged locally
 * until every row has a result), the counts per status and the progress log. One instance per file exchange,
 * shared by the exchanges of its batches, which run one after the other; what batches change is changed by its
 * {@link BatchRecorder}, one batch after the other, and read once the recorder has caught up.
 */
final class ImportRun {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRun.class);

    private final String fileName;
    private final InvestorFileFormat format;
    private final Path input;
    private final Path stagingDirectory;
    private final Clock clock;
    private final Instant startedAt;
    private final BatchRecorder recorder;
    private final Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
    private long rows;
    private long rowsSent;
    private long expectedRows = -1;
    private RowResultWriter results;
    private RowResultWriter errors;
    private Instant lastProgressLog;

    ImportRun(String fileName, InvestorFileFormat format, Path input, Path stagingDirectory, Clock clock,
            BatchRecorder recorder) {
        this.recorder = recorder;
        this.fileName = fileName;
        this.format = format;
        this.input = input;
        this.stagingDirectory = stagingDirectory;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.lastProgressLog = startedAt;
        for (RowStatus status : RowStatus.values()) {
            counts.put(status, 0L);
        }
    }

    BatchRecorder recorder() {
        return recorder;
    }

    String fileName() {
        return fileName;
    }

    InvestorFileFormat format() {
        return format;
    }

    Path input() {
        return input;
    }

    Instant startedAt() {
        return startedAt;
    }

    void expectRows(long expected) {
        this.expectedRows = expected;
    }

    /** Starts the staged results and errors files afresh (an earlier, interrupted attempt is discarded). */
    void openOutputs() {
        try {
            Files.createDirectories(stagingDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + stagingDirectory, e);
        }
        results = RowResultWriter.create(resultsFile(), format);
        errors = RowResultWriter.create(errorsFile(), format);
    }

    void record(RowResult result) {
        results.write(result);
        if (result.isError()) {
            errors.write(result);
        }
        counts.merge(result.status(), 1L, Long::sum);
        rows++;
    }

    void sent(int count) {
        rowsSent += count;
    }

    /** Makes the batch just recorded durable in the staged files. */
    void flush() {
        results.flush();
        errors.flush();
    }

    void logProgressEvery(Duration interval) {
        Instant now = clock.instant();
        if (Duration.between(lastProgressLog, now).compareTo(interval) >= 0) {
            lastProgressLog = now;
            LOG.info("Investor file {}: {} of {} rows read, {} sent, {} created, {} already_exists, {} failed, "
                    + "{} invalid", fileName, rows, expectedRows, rowsSent, counts.get(RowStatus.CREATED),
                    counts.get(RowStatus.ALREADY_EXISTS), counts.get(RowStatus.FAILED),
                    counts.get(RowStatus.INVALID));
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

    long rows() {
        return rows;
    }

    long rowsSent() {
        return rowsSent;
    }

    long expectedRows() {
        return expectedRows;
    }

    long count(RowStatus status) {
        return counts.get(status);
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        counts.forEach((status, count) -> byStatus.put(status.value(), count));
        return byStatus;
    }

    String baseName() {
        return baseNameOf(fileName);
    }

    /** The file's name without directories and extension: what its results files are named after. */
    static String baseNameOf(String fileName) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    String resultsName() {
        return baseName() + ".results." + format.extension();
    }

    String errorsName() {
        return baseName() + ".errors." + format.extension();
    }

    String summaryName() {
        return baseName() + ".summary.json";
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
                completed ? resultsName() : null, completed ? errorsName() : null, reason);
    }
}
