package dev.camelzest.routes.investors;

import static dev.camelzest.routes.support.TemplateSupport.duration;
import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;

import dev.camelzest.routes.investors.InvestorFileFormat.ReadOptions;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Route templates that onboard investor files in bulk: a file dropped on SFTP ({@value #SFTP}) or in a local
 * directory ({@value #FILE}) is read row by row (CSV or JSON Lines), validated, sent to
 * {@code zest:bulkCreateInvestors} in batches, and answered with a results file, an errors file and a summary file
 * in the results directory. The input moves to the done directory only once every row has a result; a file that
 * cannot be read moves to the error directory with a report; an import that stops part-way (credentials refused,
 * retries exhausted) leaves the file in place for a later run, where rows already created come back
 * {@code already_exists}.
 * <p>
 * Usable from Java ({@code TemplatedRouteBuilder}), YAML ({@code templatedRoutes}) and Camel Main properties
 * ({@code camel.route-template[0].template-id=zest-investor-import-sftp}). Directories are relative to the input
 * directory.
 */
public class InvestorImportTemplates extends RouteBuilder {

    public static final String SFTP = "zest-investor-import-sftp";
    public static final String FILE = "zest-investor-import-file";

    private static final String IMPORT_BEAN = "investorImport";
    private static final String IMPORT = "{{" + IMPORT_BEAN + "}}";

    /** Consumer options common to both sources: read lock, what to pick, where it goes, the stopped-file hold. */
    private static final String POLL_OPTIONS = "readLock=changed"
            + "&readLockCheckInterval={{readLockCheckInterval}}"
            + "&readLockMinAge={{readLockMinAge}}"
            + "&include={{include}}"
            + "&exclude={{exclude}}"
            + "&delay={{pollDelay}}"
            + "&filter=#{{" + IMPORT_BEAN + "Hold}}"
            + "&move=${exchangeProperty." + InvestorFileImport.ARCHIVE + "}/${file:name}"
            + "&autoCreate=true";

    private static final String WRITE_OPTIONS = "fileExist=Override&tempPrefix=.uploading-&autoCreate=true";

    @Override
    public void configure() {
        RouteTemplateDefinition sftp = commonParameters(SftpSupport.parameters(routeTemplate(SFTP)
                .description("Investor files from an SFTP directory into zest:bulkCreateInvestors")));
        String sftpBase = "sftp://{{host}}:{{port}}/{{directory}}";
        importRoute(sftp,
                sftpBase + "?" + SftpSupport.CONNECTION + "&" + POLL_OPTIONS
                        + "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}"
                        + "&stepwise=false&disconnectOnBatchComplete=false",
                sftpBase + "/{{resultsDirectory}}?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS,
                sftpBase + "/{{errorDirectory}}?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS);

        RouteTemplateDefinition file = commonParameters(routeTemplate(FILE)
                .description("Investor files from a local directory into zest:bulkCreateInvestors"));
        importRoute(file,
                "file:{{directory}}?" + POLL_OPTIONS,
                "file:{{directory}}/{{resultsDirectory}}?" + WRITE_OPTIONS,
                "file:{{directory}}/{{errorDirectory}}?" + WRITE_OPTIONS);
    }

    private static RouteTemplateDefinition commonParameters(RouteTemplateDefinition template) {
        return template
                .templateParameter("directory", null, "The directory investor files are dropped in")
                .templateParameter("resultsDirectory", "results",
                        "Where results, errors and summary files are written (relative to the directory)")
                .templateParameter("doneDirectory", "done", "Where fully accounted-for files are moved")
                .templateParameter("errorDirectory", "error", "Where unreadable files are moved, with a report")
                .templateParameter("include", "(?i).*\\.(csv|jsonl|ndjson)", "Regex of the file names to import")
                .templateParameter("exclude", "(?i).*\\.(results|errors)\\.(csv|jsonl)",
                        "Regex of file names never imported (the results written next to the input)")
                .templateParameter("batchSize", "500", "Input rows per bulkCreateInvestors call")
                .templateParameter("headerMapping", "",
                        "Column names that differ from Zest's: field=Column pairs, comma-separated")
                .templateParameter("csvDelimiter", ",", "CSV field delimiter")
                .templateParameter("zestUri", "zest:bulkCreateInvestors",
                        "The endpoint the batches are sent to, with any zest: options")
                .templateParameter("dataDirectory", "data",
                        "Local data directory: downloads, staged results, the embedded ledger")
                .templateParameter("ledger", "zestLedger",
                        "Name of the Ledger bean; an embedded one in the data directory is created when absent")
                .templateParameter("readLockCheckInterval", "1000",
                        "Milliseconds between the checks that a file is no longer being written")
                .templateParameter("readLockMinAge", "0", "Minimum age of a file before it is picked up")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")
                .templateParameter("maximumRedeliveries", "6", "Retries of a transient failure")
                .templateParameter("redeliveryDelay", "1000", "First retry delay in milliseconds, doubled each time")
                .templateParameter("maximumRedeliveryDelay", "60000", "Longest retry delay in milliseconds")
                .templateParameter("progressInterval", "10s", "How often progress on a large file is logged")
                .templateParameter("retryStoppedAfter", "5m",
                        "How long a file whose import stopped is left alone before it is tried again")
                .templateBean(IMPORT_BEAN, InvestorFileImport.class, InvestorImportTemplates::createImport)
                .templateBean(IMPORT_BEAN + "Hold", StoppedFiles.class,
                        rtc -> new StoppedFiles(duration(text(rtc, "retryStoppedAfter"))));
    }

    private void importRoute(RouteTemplateDefinition template, String sourceUri, String resultsUri,
            String errorUri) {
        RouteDefinition route = template.from(sourceUri);
        route.onException(UnreadableFileException.class)
                .handled(true)
                .bean(IMPORT, "rejected")
                .process(OutputFile::toMessage)
                .to(errorUri)
                .end();
        reportStopped(retried(route.onException(Exception.class).onWhen(ImportFailures.TRANSIENT)), resultsUri);
        reportStopped(route.onException(Exception.class), resultsUri);
        route.bean(IMPORT, "start")
                .split(method(IMPORT, "batches")).streaming().stopOnException()
                    .bean(IMPORT, "request")
                    .choice().when(exchangeProperty(InvestorFileImport.SEND_COUNT).isGreaterThan(0))
                        .to("{{zestUri}}")
                    .end()
                    .bean(IMPORT, "results")
                .end()
                .split(method(IMPORT, "finish")).stopOnException()
                    .process(OutputFile::toMessage)
                    .to(resultsUri)
                .end()
                .bean(IMPORT, "published");
    }

    /** A stopped import is not handled: the file is rolled back, staying where it is, after its summary is out. */
    private static void reportStopped(OnExceptionDefinition onException, String resultsUri) {
        onException.bean(IMPORT, "stopped")
                .process(OutputFile::toMessage)
                .to(resultsUri)
                .end();
    }

    private static InvestorFileImport createImport(RouteTemplateContext rtc) {
        Path dataDirectory = Path.of(text(rtc, "dataDirectory"));
        ImportSettings settings = new ImportSettings(
                Integer.parseInt(text(rtc, "batchSize")),
                new ReadOptions(HeaderMapping.parse(text(rtc, "headerMapping")), delimiter(text(rtc, "csvDelimiter"))),
                dataDirectory.resolve("investor-import"),
                duration(text(rtc, "progressInterval")),
                duration(text(rtc, "retryStoppedAfter")),
                text(rtc, "doneDirectory"),
                text(rtc, "errorDirectory"));
        CamelContext camelContext = rtc.getCamelContext();
        Ledger ledger = TemplateSupport.ledger(camelContext, text(rtc, "ledger"), dataDirectory);
        ExecutorService readingThread = camelContext.getExecutorServiceManager()
                .newSingleThreadExecutor(InvestorFileImport.class, "ZestInvestorImportReader");
        ExecutorService recordingThread = camelContext.getExecutorServiceManager()
                .newSingleThreadExecutor(InvestorFileImport.class, "ZestInvestorImportRecorder");
        return new InvestorFileImport(settings, ledger.investors(), ImportMetrics.of(camelContext),
                Clock.systemUTC(), readingThread, recordingThread);
    }

    private static char delimiter(String text) {
        if (text == null || text.length() != 1) {
            throw new IllegalArgumentException("csvDelimiter must be one character, got '" + text + "'");
        }
        return text.charAt(0);
    }
}
