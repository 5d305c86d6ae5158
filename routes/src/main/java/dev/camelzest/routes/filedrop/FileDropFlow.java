package dev.camelzest.routes.filedrop;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What one kind of dropped file brings to the pipeline ({@link FileDropImport}): its reader, its row check, its
 * request mapping and its result columns. Everything else (sources, read locks, bounds, batching, the calls'
 * retries, staged results, done/error/stopped moves, reports, metrics) is the pipeline's.
 *
 * @param <R> the flow's row
 * @param <O> the flow's outcome of a row, one line of its results file
 */
public interface FileDropFlow<R extends DropRow, O extends RowOutcome> {

    /** How logs and reports name a file of this flow: {@code Investor file}. */
    String title();

    /** The middle of the flow's meter names: {@code investor} for {@code zest.investor.import.rows}. */
    String meterName();

    /** The formats the flow reads, told by extension; a file of any other is unreadable. */
    List<FileFormat> formats();

    /** The statuses the flow's rows can end in: the counts of its summary and progress lines. */
    Set<RowStatus> statuses();

    /** Opens a file for reading; a file that cannot be read at all throws {@link UnreadableFileException}. */
    RowReader<R> open(Path file, FileFormat format, ReadLimits limits);

    /** The checks of one file's rows; {@code scratchDirectory} is the file's own, for state kept on disk. */
    RowCheck<R, O> check(Path scratchDirectory);

    /** The calls that send the rows of one batch that passed the checks (none when the list is empty). */
    List<ZestCall<O>> calls(List<R> rows);

    /**
     * Records the outcomes of one batch (its rows, in file order, and their outcomes) in the ledger, before they reach
     * the results file: called on the import's recording thread, one batch after the other, in file order.
     * {@code importId} stands for the file, its name and content ({@link FileRun#importId}): the same when the same
     * file is imported again after a stop or a crash. Answers the outcomes as the results file reports them.
     */
    List<O> record(List<R> rows, List<O> outcomes, String fileName, String importId);

    ResultColumns<O> columns();
}
