package dev.camelzest.routes.filedrop;

import static dev.camelzest.routes.support.TemplateSupport.fileName;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Optional;

import dev.camelzest.routes.ledger.FileCompletions;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completion, in the ledger, of a file answered with one report written where the file moves (a document, an SPV
 * request file): recorded with the report's path before the report is written, marked moved once the input has
 * moved. A file taken over whose completion is recorded and not moved, with its report there (its replica died
 * between the report and the move), is not sent again: it only moves, into the directory its report is in.
 * <p>
 * The file is keyed as the row flows' files are ({@link ImportId}: its name and content, in its drop directory). A file
 * refused before its content is read (its name or its size) records nothing: nothing was sent for it, and a take-over
 * refuses it again, writing its errors report once more under a stamped name.
 */
public final class ReportCompletion {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCompletion.class);
    /** Exchange property: the file's import id, once its content was read. */
    private static final String IMPORT_ID = "CamelZestReportImportId";

    private final FileCompletions completions;
    private final Clock clock;

    public ReportCompletion(FileCompletions completions, Clock clock) {
        this.completions = completions;
        this.clock = clock;
    }

    /**
     * Reads the file's id from {@code content} (bounded by the caller). Answers the directory the file goes to, when an
     * earlier run completed it and its report is there: the file is then only moved, and its completion marked so.
     */
    public Optional<String> completedEarlier(Exchange exchange, InputStream content) throws IOException {
        String importId = ImportId.of(fileName(exchange), content);
        exchange.setProperty(IMPORT_ID, importId);
        Optional<String> report = completions.unmoved(ArchivingStrategy.source(exchange), importId)
                .map(FileCompletions.Outputs::resultsName)
                .filter(path -> ArchivingStrategy.holds(exchange, path));
        report.ifPresent(path -> {
            LOG.info("{} was completed by an earlier run, whose report {} is there: it moves without being sent again",
                    fileName(exchange), path);
            markMovedAfterMove(exchange, importId);
        });
        return report.map(path -> path.substring(0, path.lastIndexOf('/')));
    }

    /**
     * Records the file's completion before its report {@code name} is written into {@code directory} (relative to the
     * drop directory). Answers the name to write the report under: its own, stamped when a file of that name is there
     * already, or the one an earlier run of the file recorded there (it died before writing it).
     */
    public String record(Exchange exchange, String directory, String name) {
        String importId = exchange.getProperty(IMPORT_ID, String.class);
        if (importId == null) {
            return name;
        }
        String own = ArchivingStrategy.holds(exchange, directory + "/" + name)
                ? OutputFile.stamped(name, clock.instant()) : name;
        String recorded = completions.record(ArchivingStrategy.source(exchange), importId, fileName(exchange),
                FileCompletions.Outputs.report(directory + "/" + own)).resultsName();
        markMovedAfterMove(exchange, importId);
        return recorded.startsWith(directory + "/") ? recorded.substring(directory.length() + 1) : own;
    }

    private void markMovedAfterMove(Exchange exchange, String importId) {
        String source = ArchivingStrategy.source(exchange);
        String fileName = fileName(exchange);
        exchange.setProperty(ArchivingStrategy.AFTER_MOVE, (Runnable) () -> {
            try {
                completions.moved(source, importId);
            } catch (RuntimeException e) {
                // the file is done and moved; its completion left unmarked only makes an identical drop move unsent
                LOG.warn("{} moved, but the ledger cannot mark its completion so: {}", fileName, e.getMessage());
            }
        });
    }
}
