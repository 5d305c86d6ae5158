package dev.camelzest.routes.investors;

import java.nio.file.Path;
import java.time.Duration;

import dev.camelzest.routes.investors.InvestorFileFormat.ReadOptions;

/**
 * The settings of one investor import route, from its template parameters.
 *
 * @param batchSize        input rows per {@code bulkCreateInvestors} call (at most; invalid rows are not sent)
 * @param workDirectory    where results are staged before they are published
 * @param progressInterval how often a large file's progress is logged
 * @param retryStoppedAfter how long a file whose import stopped is left alone before it is tried again
 * @param doneDirectory    where a file goes once every row has a result (relative to the input directory)
 * @param errorDirectory   where a file that cannot be read goes, with its report
 */
public record ImportSettings(int batchSize, ReadOptions readOptions, Path workDirectory, Duration progressInterval,
        Duration retryStoppedAfter, String doneDirectory, String errorDirectory) {

    public ImportSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
        }
    }
}
