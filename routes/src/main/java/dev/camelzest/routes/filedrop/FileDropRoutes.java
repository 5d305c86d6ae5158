package dev.camelzest.routes.filedrop;

import static dev.camelzest.routes.support.TemplateSupport.duration;
import static dev.camelzest.routes.support.TemplateSupport.ref;
import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;
import static org.apache.camel.builder.Builder.body;
import static org.apache.camel.builder.Builder.exceptionMessage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.ledger.FileCompletions;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.Predicate;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileOperationFailedException;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;
import org.apache.camel.model.OnExceptionDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.TryDefinition;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The file-drop pipeline as route templates: the two sources (an SFTP directory, a local directory) with the
 * parameters every flow shares, defined here once, and the one route every flow runs: read lock, the bounded
 * check of the whole file, batches read ahead, several batches in flight, each batch's calls sent to
 * {@code {{zestUri}}} under Camel's error handler (a retried call is the same exchange, with the same
 * Idempotency-Key), the batches recorded in file order, staged results published through a
 * temporary name, then the input moved to the done directory; an unreadable file to the error directory with its
 * report; a stopped file left in place, held back, with a summary saying why.
 * <p>
 * A flow's template class calls {@link #sftpTemplate} and {@link #fileTemplate} with its {@link Flow}: its
 * defaults and how to make its {@link FileDropFlow} from the route's parameters and ledger; it may add parameters
 * of its own to the templates returned.
 */
public final class FileDropRoutes {

    /** Exchange property: the directory (relative to the input) the consumer moves the file to when done with it. */
    public static final String ARCHIVE = "CamelZestFileDropArchive";
    /** Where a consumed file goes: into the directory in {@link #ARCHIVE} (done, error, or a flow's own). */
    public static final String ARCHIVED_NAME = "${exchangeProperty." + ARCHIVE + "}/${file:name}";

    /**
     * The temporary name a file is staged under before it is renamed to its own: one per write (the exchange id), so
     * that two writers, on one replica or two, never stage into the same file.
     */
    private static final String TEMP_FILE_NAME = "tempFileName=.writing-${exchangeId}-${file:onlyname}";
    /**
     * The staged publishing of every file written next to an input: through a temporary name of its own, then renamed;
     * never over an existing file (an earlier run's, another replica's): the write fails instead, and the pipeline
     * picks another name ({@link FileDropImport#stampName}).
     */
    public static final String WRITE_OPTIONS = "fileExist=Fail&" + TEMP_FILE_NAME + "&autoCreate=true";
    /** Staged as {@link #WRITE_OPTIONS}, replacing a file of the same name: for files whose content the name fixes. */
    public static final String REPLACING_WRITE_OPTIONS = "fileExist=Override&" + TEMP_FILE_NAME + "&autoCreate=true";

    /**
     * What a flow's templates differ in.
     *
     * @param refusalFailsRows whether Zest refusing a call as a whole (a non-retryable answer) fails that call's
     *                         rows and the file goes on (subscriptions: one SPV unknown), rather than stopping the
     *                         file (investors: the credentials refused)
     * @param maxBatchesInFlight the default of the parameter: 1 for a flow whose rows in different batches may
     *                         depend on each other's order at Zest
     * @param maxCallsInFlight the default of the flow's {@code maxCallsInFlight} parameter, for a flow whose batch
     *                         makes several independent calls (subscriptions: one per SPV), sent at once; null for a
     *                         flow with one call per batch, whose calls in flight are its batches in flight
     */
    public record Flow(String description, String filePattern, String zestUri, String batchSize,
            boolean refusalFailsRows, String maxBatchesInFlight, String maxCallsInFlight,
            Function<FlowContext, FileDropFlow<?, ?>> create) {
    }

    /** What a flow is made from: the route's parameters and its ledger. */
    public record FlowContext(RouteTemplateContext parameters, Ledger ledger) {

        public String text(String parameter) {
            return TemplateSupport.text(parameters, parameter);
        }
    }

    private static final String IMPORT = "fileDrop";
    private static final String START = "fileDropStart";
    private static final String RECORD_BATCH = "fileDropRecordBatch";
    private static final String FINISH = "fileDropFinish";
    private static final String SUMMARIZE = "fileDropSummarize";
    private static final String PUBLISHED = "fileDropPublished";
    private static final String REJECTED = "fileDropRejected";
    private static final String STOPPED = "fileDropStopped";
    private static final String HOLD = "fileDropHold";
    private static final String CALLING_THREADS = "fileDropCallingThreads";
    private static final String BATCH_CALL_THREADS = "fileDropBatchCallThreads";

    /** A write failed because a file of that name is there already (Camel's fileExist=Fail). */
    private static final Predicate NAME_TAKEN = exceptionMessage().contains("already exist");
    /** The read lock and the move of every drop directory: {@link #archiving}, a bean of {@link #dropParameters}. */
    private static final String PROCESS = "fileDropProcess";
    /** Consumer options of both sources of a row flow: what to pick, the stopped-file hold, and the common ones. */
    private static final String POLL_OPTIONS =
            pollOptions("include={{include}}&exclude={{exclude}}&filter=#{{" + HOLD + "}}");
    /** The SFTP directory of a template with {@link SftpSupport#parameters}: add {@code ?} and options. */
    public static final String SFTP_DIRECTORY = "sftp://{{host}}:{{port}}/{{directory}}";
    /**
     * An SFTP login that keeps failing (a wrong password, a revoked key) fails the poll, so that Camel's consumer
     * backs off: after three failed polls in a row it skips the next {@value #LOGIN_BACKOFF_POLLS} polls (a minute
     * at the default poll delay) before it tries again, rather than logging a warning on every poll.
     */
    static final int LOGIN_BACKOFF_POLLS = 12;
    private static final String SFTP_LOGIN_BACKOFF = "&throwExceptionOnConnectFailed=true"
            + "&backoffErrorThreshold=3&backoffMultiplier=" + LOGIN_BACKOFF_POLLS;
    /** Where an SFTP source's local copy of each file is downloaded to: the data directory. */
    public static final String SFTP_LOCAL_WORK =
            "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}";

    private FileDropRoutes() {
    }

    /** The flow's template reading an SFTP directory (camel-ftp {@code sftp:}, a local copy of each file). */
    public static RouteTemplateDefinition sftpTemplate(RouteBuilder builder, String templateId, Flow flow) {
        RouteTemplateDefinition template = parameters(SftpSupport.parameters(builder.routeTemplate(templateId)
                .description(flow.description() + " (from an SFTP directory)")), flow);
        route(flow, template.from(sftpSource(POLL_OPTIONS)), sftpWriter("resultsDirectory"),
                sftpWriter("errorDirectory"));
        return template;
    }

    /**
     * The SFTP source of a template with {@link SftpSupport#parameters}: its login, backing off while the login
     * fails, a local copy of each file ({@link #SFTP_LOCAL_WORK}), and one connection for a whole poll.
     */
    public static String sftpSource(String pollOptions) {
        return SFTP_DIRECTORY + "?" + SftpSupport.CONNECTION + "&" + pollOptions + SFTP_LOGIN_BACKOFF
                + SFTP_LOCAL_WORK + "&stepwise=false&disconnectOnBatchComplete=false";
    }

    /** The local-directory source of a template with {@link #dropParameters}. */
    public static String fileSource(String pollOptions) {
        return "file:{{directory}}?" + pollOptions;
    }

    /**
     * The consumer options of a drop directory moving each file to {@link #ARCHIVE}, after {@code selection}
     * (which files, any filter): the read lock and the move of {@link #archiving}, the poll delays.
     */
    public static String pollOptions(String selection) {
        return selection + "&processStrategy=#{{" + PROCESS + "}}&delay={{pollDelay}}"
                + "&initialDelay={{initialPollDelay}}&autoCreate=true";
    }

    /**
     * The process strategy of a drop directory: Camel's rename strategy, its read lock a {@link ClaimedReadLock}
     * (claims in the template's {@code readLockRepository}, when set), its move to {@link #ARCHIVED_NAME} under a
     * free name ({@link FreeNameRenamer}); the route may look into the drop directory and act once the file moved
     * ({@link ArchivingStrategy}).
     */
    public static GenericFileRenameProcessStrategy<?> archiving(RouteTemplateContext rtc) {
        GenericFileRenameProcessStrategy<Object> moving = new ArchivingStrategy<>();
        moving.setCamelContext(rtc.getCamelContext());
        moving.setExclusiveReadLockStrategy(new ClaimedReadLock<>(claims(rtc),
                Long.parseLong(text(rtc, "readLockCheckInterval")), Long.parseLong(text(rtc, "readLockMinAge"))));
        moving.setCommitRenamer(new FreeNameRenamer<>(rtc.getCamelContext().resolveLanguage("simple")
                .createExpression(ARCHIVED_NAME)));
        return moving;
    }

    /** The claims repository the template's {@code readLockRepository} names, started with the context; or none. */
    private static IdempotentRepository claims(RouteTemplateContext rtc) {
        String name = text(rtc, "readLockRepository");
        if (name == null || name.isBlank()) {
            return null;
        }
        CamelContext camelContext = rtc.getCamelContext();
        IdempotentRepository claims = camelContext.getRegistry().lookupByNameAndType(name, IdempotentRepository.class);
        if (claims == null) {
            throw new IllegalArgumentException("readLockRepository names '" + name
                    + "', but the registry has no IdempotentRepository of that name");
        }
        synchronized (claims) {
            if (!camelContext.hasService(claims)) {
                try {
                    camelContext.addService(claims, true, true);
                } catch (Exception e) {
                    throw RuntimeCamelException.wrapRuntimeException(e);
                }
            }
        }
        return claims;
    }

    /** Staged writes into the subdirectory named by the template parameter {@code directoryParameter}, on SFTP. */
    public static String sftpWriter(String directoryParameter) {
        return SFTP_DIRECTORY + "/{{" + directoryParameter + "}}?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS;
    }

    /** Staged writes into the SFTP drop directory, the subdirectory given in the written file's name. */
    public static String sftpWriter() {
        return SFTP_DIRECTORY + "?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS;
    }

    /** Staged writes into the local drop directory, the subdirectory given in the written file's name. */
    public static String fileWriter() {
        return fileSource(WRITE_OPTIONS);
    }

    /** Staged writes into the subdirectory named by the template parameter {@code directoryParameter}. */
    public static String fileWriter(String directoryParameter) {
        return "file:{{directory}}/{{" + directoryParameter + "}}?" + WRITE_OPTIONS;
    }

    /** The flow's template reading a local directory ({@code file:}). */
    public static RouteTemplateDefinition fileTemplate(RouteBuilder builder, String templateId, Flow flow) {
        RouteTemplateDefinition template = parameters(builder.routeTemplate(templateId)
                .description(flow.description() + " (from a local directory)"), flow);
        route(flow, template.from(fileSource(POLL_OPTIONS)), fileWriter("resultsDirectory"),
                fileWriter("errorDirectory"));
        return template;
    }

    /**
     * The parameters of every drop directory, for every file flow (the row flows here, documents, SPV requests):
     * where files are dropped and where they go, how the directory is polled, the ledger and the retries.
     */
    public static RouteTemplateDefinition dropParameters(RouteTemplateDefinition template) {
        return TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(template
                .templateParameter("directory", null, "The directory files are dropped in")
                .templateParameter("doneDirectory", "done",
                        "Where accounted-for files are moved (relative to the directory)")
                .templateParameter("errorDirectory", "error",
                        "Where files that cannot be sent are moved, with a report (relative to the directory)")
                .templateParameter("readLockCheckInterval", "1000",
                        "Milliseconds between the checks that a file is no longer being written")
                .templateParameter("readLockMinAge", "0", "Minimum age of a file before it is picked up")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")
                .templateParameter("initialPollDelay", "1000", "Milliseconds from the start to the first poll")
                .templateParameter("readLockRepository", "",
                        "Several replicas on one directory: the registry name of the IdempotentRepository their claims"
                        + " on files are kept in (FileClaims on the shared ledger), so that one replica takes each"
                        + " file; empty for a single instance")
                .templateBean(PROCESS, GenericFileRenameProcessStrategy.class, FileDropRoutes::archiving)),
                "6", "1000", "60000");
    }

    private static RouteTemplateDefinition parameters(RouteTemplateDefinition template, Flow flow) {
        if (flow.maxCallsInFlight() != null) {
            template.templateParameter("maxCallsInFlight", flow.maxCallsInFlight(),
                    "The most calls open at once, a batch's calls sent together; fewer while Zest answers 429 or 503 "
                            + "or slows down")
                    .templateBean(BATCH_CALL_THREADS, ExecutorService.class, rtc -> batchCallThreads(rtc));
        }
        return dropParameters(template)
                .templateParameter("resultsDirectory", "results",
                        "Where results, errors and summary files are written (relative to the directory)")
                .templateParameter("include", flow.filePattern(), "Regex of the file names to import")
                .templateParameter("exclude", "(?i).*\\.(results|errors)\\.(csv|jsonl)",
                        "Regex of file names never imported (the results written next to the input)")
                .templateParameter("batchSize", flow.batchSize(), "Input rows per batch: sent and recorded together")
                .templateParameter("maxBatchesInFlight", flow.maxBatchesInFlight(),
                        "The most bulk calls open at once, each its own batch; fewer while Zest answers 429 or 503 "
                                + "or slows down")
                .templateParameter("csvDelimiter", ",", "CSV field delimiter")
                .templateParameter("charset", "UTF-8", "Character set of the files: UTF-8, ISO-8859-1 or windows-1252")
                .templateParameter("maxRecordLength", String.valueOf(ReadLimits.DEFAULT_MAX_RECORD_LENGTH),
                        "The most characters of one CSV record or JSON line; a longer one makes the file unreadable")
                .templateParameter("maxFileSize", String.valueOf(ReadLimits.DEFAULT_MAX_FILE_SIZE),
                        "The most bytes of one file; a larger one is unreadable")
                .templateParameter("zestUri", flow.zestUri(), "The endpoint the calls go to, with any zest: options")
                .templateParameter("progressInterval", "10s", "How often progress on a large file is logged")
                .templateParameter("retryStoppedAfter", "5m",
                        "How long a file whose import stopped is left alone before it is tried again")
                .templateBean(HOLD, StoppedFiles.class,
                        rtc -> new StoppedFiles(duration(text(rtc, "retryStoppedAfter")), rtc.getCamelContext()))
                .templateBean(CALLING_THREADS, ExecutorService.class, rtc -> importOf(rtc, flow).callingThreads())
                .templateBean(START, Processor.class, rtc -> (Processor) importOf(rtc, flow)::start)
                .templateBean(RECORD_BATCH, Processor.class, rtc -> (Processor) importOf(rtc, flow)::recordBatch)
                .templateBean(FINISH, Processor.class, rtc -> (Processor) importOf(rtc, flow)::finish)
                .templateBean(SUMMARIZE, Processor.class, rtc -> (Processor) importOf(rtc, flow)::summarize)
                .templateBean(PUBLISHED, Processor.class, rtc -> (Processor) importOf(rtc, flow)::published)
                .templateBean(REJECTED, Processor.class, rtc -> (Processor) importOf(rtc, flow)::rejected)
                .templateBean(STOPPED, Processor.class, rtc -> (Processor) importOf(rtc, flow)::stopped);
    }

    private static void route(Flow flow, RouteDefinition route, String resultsUri, String errorUri) {
        publish(route.onException(UnreadableFileException.class)
                .handled(true)
                .process(ref(REJECTED))
                .process(OutputFile::toMessage), errorUri)
                .end();
        if (flow.refusalFailsRows()) {
            // the call's rows fail (FileDropImport.answerCall) and the split goes on: continued, not handled
            route.onException(ZestApiException.class)
                    .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                    .continued(true)
                    .end();
        }
        // another replica took the file over: this one writes nothing and leaves the file to it (not handled: rollback)
        route.onException(ClaimLostException.class).logExhausted(false).process(FileDropImport::claimLost).end();
        // Camel is stopping: not a failure to report at ERROR; the summary says so and the file stays for the next run
        reportStopped(route.onException(ImportInterruptedException.class).logExhausted(false), resultsUri);
        reportStopped(retried(route.onException(Exception.class).onWhen(ImportFailures.TRANSIENT))
                .onExceptionOccurred(CallPermits::failed).onRedelivery(CallPermits::reacquire), resultsUri);
        reportStopped(route.onException(Exception.class), resultsUri);
        publishEach(publishEach(route.process(ref(START))
                // batches in flight: their calls at once, recorded in file order (BatchesInFlight, BatchRecorder)
                .split(body()).streaming().stopOnException().parallelProcessing().executorService(ref(CALLING_THREADS))
                    .process(FileDropImport::checkRunning)
                    .process(FileDropImport::beginBatch)
                    // a batch's several calls (one per SPV) at once, on their own pool; synchronous: the batch's
                    // thread waits for them, or it would take the next batch while they are open
                    .split(body()).stopOnException().parallelProcessing(flow.maxCallsInFlight() != null)
                        .executorService(flow.maxCallsInFlight() != null ? ref(BATCH_CALL_THREADS) : null)
                        .synchronous(flow.maxCallsInFlight() != null)
                        .process(FileDropImport::prepareCall)
                        .to("{{zestUri}}")
                        .process(FileDropImport::answerCall)
                    .end()
                    .process(ref(RECORD_BATCH))
                .end()
                .process(ref(FINISH)), resultsUri)
                .process(ref(SUMMARIZE)), resultsUri)
                .process(ref(PUBLISHED));
    }

    /** Publishes each {@link OutputFile} of the body, in order, as {@link #publish} does: the exchange stays as it is. */
    private static ProcessorDefinition<?> publishEach(ProcessorDefinition<?> block, String uri) {
        return publish(block.split(body()).stopOnException().process(OutputFile::toMessage), uri).end();
    }

    /**
     * A stopped import is not handled: the file is rolled back, staying where it is, after its summary is out. The
     * other batches that met the stop end only once it is ({@link FileDropImport#stopReported}), published or not.
     */
    private static void reportStopped(OnExceptionDefinition onException, String resultsUri) {
        TryDefinition reporting = onException.doTry();
        publish(reporting.process(ref(STOPPED)).process(OutputFile::toMessage), resultsUri);
        reporting.doFinally().process(FileDropImport::stopReported).end();
        onException.end();
    }

    /**
     * Writes the message's file ({@link OutputFile#toMessage}) to {@code uri}, a writer with {@link #WRITE_OPTIONS}:
     * under its own name, or, when a file of that name is there already (an earlier run's, another replica's), under
     * that name stamped with the time of the run ({@link FileDropImport#stampName}). Nothing is replaced.
     */
    public static ProcessorDefinition<?> publish(ProcessorDefinition<?> block, String uri) {
        return block.doTry()
                    .to(uri)
                .doCatch(GenericFileOperationFailedException.class).onWhen(NAME_TAKEN)
                    .process(FileDropImport::stampName)
                    .to(uri)
                .end();
    }

    /**
     * The threads a batch's calls are sent on, all at once (a flow with {@code maxCallsInFlight}): as many as the
     * calls the file may have open, each call holding one of the file's permits ({@link CallPermits}) while it is.
     */
    private static ExecutorService batchCallThreads(RouteTemplateContext rtc) {
        return TemplateSupport.routeBean(rtc, BATCH_CALL_THREADS + "Pool", ExecutorService.class,
                () -> rtc.getCamelContext().getExecutorServiceManager().newFixedThreadPool(FileDropImport.class,
                        "ZestFileDropBatchCall", Integer.parseInt(text(rtc, "maxCallsInFlight"))));
    }

    /** The route's one {@link FileDropImport}, shared by its steps. */
    private static FileDropImport<?, ?> importOf(RouteTemplateContext rtc, Flow flow) {
        return TemplateSupport.routeBean(rtc, IMPORT, FileDropImport.class, () -> createImport(rtc, flow));
    }

    private static FileDropImport<?, ?> createImport(RouteTemplateContext rtc, Flow flow) {
        Path dataDirectory = Path.of(text(rtc, "dataDirectory"));
        CamelContext camelContext = rtc.getCamelContext();
        Ledger ledger = TemplateSupport.ledger(rtc);
        FileDropFlow<?, ?> dropFlow = flow.create().apply(new FlowContext(rtc, ledger));
        FileDropSettings settings = new FileDropSettings(
                Integer.parseInt(text(rtc, "batchSize")),
                new ReadLimits(ReadLimits.charset(text(rtc, "charset")),
                        Integer.parseInt(text(rtc, "maxRecordLength")), Long.parseLong(text(rtc, "maxFileSize"))),
                dataDirectory.resolve(dropFlow.meterName() + "-import"),
                duration(text(rtc, "progressInterval")),
                duration(text(rtc, "retryStoppedAfter")),
                text(rtc, "doneDirectory"),
                text(rtc, "errorDirectory"),
                text(rtc, "resultsDirectory"),
                Integer.parseInt(text(rtc, "maxBatchesInFlight")),
                Integer.parseInt(text(rtc, flow.maxCallsInFlight() != null ? "maxCallsInFlight" : "maxBatchesInFlight")));
        ExecutorService readingThread = camelContext.getExecutorServiceManager()
                .newSingleThreadExecutor(FileDropImport.class, "ZestFileDropReader");
        ExecutorService recordingThread = camelContext.getExecutorServiceManager()
                .newSingleThreadExecutor(FileDropImport.class, "ZestFileDropRecorder");
        ExecutorService callingThreads = camelContext.getExecutorServiceManager()
                .newFixedThreadPool(FileDropImport.class, "ZestFileDropCall", settings.maxBatchesInFlight());
        return create(dropFlow, settings, ledger.fileCompletions(), ImportMetrics.of(camelContext,
                dropFlow.meterName()), readingThread, callingThreads, recordingThread);
    }

    private static <R extends DropRow, O extends RowOutcome> FileDropImport<R, O> create(FileDropFlow<R, O> flow,
            FileDropSettings settings, FileCompletions completions, ImportMetrics metrics,
            ExecutorService readingThread, ExecutorService callingThreads, ExecutorService recordingThread) {
        return new FileDropImport<>(flow, settings, completions, metrics, Clock.systemUTC(), readingThread,
                callingThreads, recordingThread);
    }

    /** The delimiter parameter: exactly one character. */
    public static char delimiter(String text) {
        if (text == null || text.length() != 1) {
            throw new IllegalArgumentException("csvDelimiter must be one character, got '" + text + "'");
        }
        return text.charAt(0);
    }
}
