package dev.camelzest.routes.filedrop;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The summary file of one input file, as JSON.
 *
 * @param outcome  {@code completed} (every row has a result), {@code rejected} (the file could not be read) or
 *                 {@code stopped} (the import stopped part-way; the file stays for a later run)
 * @param counts   rows per status (the flow's statuses, {@link RowStatus#value()})
 * @param reason   why the import was rejected or stopped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportSummary(String file, String outcome, long rows, Map<String, Long> counts, String startedAt,
        String finishedAt, long durationMillis, String resultsFile, String errorsFile, String reason) {

    public static final String COMPLETED = "completed";
    public static final String REJECTED = "rejected";
    public static final String STOPPED = "stopped";
}
