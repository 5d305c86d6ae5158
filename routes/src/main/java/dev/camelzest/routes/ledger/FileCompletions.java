package dev.camelzest.routes.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dropped files whose every row is recorded, in the ledger's database ({@code zest_file_completions}): a file's
 * completion is written before its results are published, with the names they are published under, and marked moved
 * once the input is in the done directory. A file found completed but not moved (its importer died between the two,
 * here or on another replica) is not imported again: its results are there, or are written once more under the same
 * names, and the input is moved.
 * <p>
 * A file is its import id (its name and content) in its source (the directory it was dropped in): the same file
 * dropped in two directories is two imports. Once moved, a completion no longer counts: the same file dropped again
 * later is imported again (a partner re-sending a file to retry its failed rows). Completions moved more than a day
 * ago are deleted when a completion is recorded, so the table stays small. A completion is on disk before
 * {@link #record} returns, on H2 too (which otherwise writes a commit to its file a moment later).
 */
public final class FileCompletions {

    private static final Logger LOG = LoggerFactory.getLogger(FileCompletions.class);

    private static final Duration RETENTION = Duration.ofDays(1);

    private static final Upsert RECORD = new Upsert("""
            MERGE INTO zest_file_completions t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                           CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                           CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (import_id, source_key, source, file_name, results_name, errors_name, summary_name, completed_at)
            ON t.import_id = s.import_id AND t.source_key = s.source_key
            WHEN NOT MATCHED THEN INSERT
                (import_id, source_key, source, file_name, results_name, errors_name, summary_name, completed_at)
                VALUES (s.import_id, s.source_key, s.source, s.file_name, s.results_name, s.errors_name,
                        s.summary_name, s.completed_at)
            """, """
            INSERT INTO zest_file_completions
                (import_id, source_key, source, file_name, results_name, errors_name, summary_name, completed_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (import_id, source_key) DO NOTHING
            """);

    /** The names a completed file's results, errors and summary are published under. */
    public record Outputs(String resultsName, String errorsName, String summaryName) {

        /**
         * The one report of a file that has no results, errors and summary of its own (a document, an SPV request
         * file): its path, relative to the drop directory, stands in all three columns, so the table stays as it is.
         */
        public static Outputs report(String path) {
            return new Outputs(path, path, path);
        }
    }

    private final Jdbc jdbc;
    private final Clock clock;

    public FileCompletions(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public FileCompletions(DataSource dataSource, Clock clock) {
        this.jdbc = new Jdbc(dataSource);
        this.clock = clock;
    }

    /** The outputs of the file's completion that is recorded and not yet moved; empty when there is none. */
    public Optional<Outputs> unmoved(String source, String importId) {
        return jdbc.queryOne("read the completion of " + importId, """
                SELECT results_name, errors_name, summary_name FROM zest_file_completions
                WHERE import_id = ? AND source_key = ? AND moved_at IS NULL
                """, row -> new Outputs(row.getString("results_name"), row.getString("errors_name"),
                row.getString("summary_name")), importId, FileClaims.key(source));
    }

    /**
     * Records the file as completed, its outputs to be published under {@code outputs}; a completion recorded already
     * (an earlier attempt's, not yet moved) stays as it is. Answers the outputs recorded.
     */
    public Outputs record(String source, String importId, String fileName, Outputs outputs) {
        Instant now = clock.instant();
        jdbc.update("delete old file completions", "DELETE FROM zest_file_completions WHERE moved_at < ?",
                now.minus(RETENTION));
        // a completion moved already is of an earlier drop of the same file: this drop is a new one
        jdbc.update("clear the earlier completion of " + importId,
                "DELETE FROM zest_file_completions WHERE import_id = ? AND source_key = ? AND moved_at IS NOT NULL",
                importId, FileClaims.key(source));
        jdbc.upsert("record the completion of " + fileName, RECORD, importId, FileClaims.key(source),
                FileClaims.path(source), FileClaims.path(fileName), outputs.resultsName(), outputs.errorsName(),
                outputs.summaryName(), now);
        if (!jdbc.syncToDisk()) {
            LOG.warn("The ledger refused to write {}'s completion to disk at once (H2 without the admin right): a"
                    + " crash within the next second may publish its results a second time", fileName);
        }
        return unmoved(source, importId).orElseThrow(() -> new LedgerException(
                "The completion of " + fileName + " was recorded and is not there", null));
    }

    /** The file's input is in the done directory: the completion no longer stands for a file waiting to move. */
    public void moved(String source, String importId) {
        jdbc.update("mark " + importId + " moved",
                "UPDATE zest_file_completions SET moved_at = ? WHERE import_id = ? AND source_key = ? AND moved_at IS NULL",
                clock.instant(), importId, FileClaims.key(source));
    }
}
