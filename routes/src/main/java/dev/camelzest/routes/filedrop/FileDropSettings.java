package dev.camelzest.routes.filedrop;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The settings of one file-drop route, from its template parameters.
 *
 * @param batchSize         input rows per batch: one exchange, sent and recorded together (invalid rows are not
 *                          sent). It governs: a batch's call carries at most this many rows
 * @param limits            how files are read and how large they may be
 * @param workDirectory     where results are staged before they are published
 * @param progressInterval  how often a large file's progress is logged
 * @param retryStoppedAfter how long a file whose import stopped is left alone before it is tried again
 * @param doneDirectory     where a file goes once every row has an outcome (relative to the input directory)
 * @param errorDirectory    where a file that cannot be read goes, with its report
 * @param resultsDirectory  where the results, errors and summary files are published (relative to the input
 *                          directory)
 * @param maxBatchesInFlight the most batches of a file sent and not yet recorded at once; fewer while Zest is
 *                          overloaded ({@link InFlightLimit})
 * @param maxCallsInFlight  the most calls of a file open at once, the ceiling of its adaptive {@link InFlightLimit}:
 *                          {@code maxBatchesInFlight} for a flow with one call per batch, the flow's own parameter for
 *                          one whose batch makes several calls (subscriptions: one per SPV)
 */
public record FileDropSettings(int batchSize, ReadLimits limits, Path workDirectory, Duration progressInterval,
        Duration retryStoppedAfter, String doneDirectory, String errorDirectory, String resultsDirectory,
        int maxBatchesInFlight, int maxCallsInFlight) {

    public FileDropSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
        if (maxBatchesInFlight < 1) {
            throw new IllegalArgumentException("maxBatchesInFlight must be at least 1, got " + maxBatchesInFlight);
        }
        if (maxCallsInFlight < 1) {
            throw new IllegalArgumentException("maxCallsInFlight must be at least 1, got " + maxCallsInFlight);
        }
    }
}
