package dev.camelzest.routes.spvrequests;

import static dev.camelzest.routes.support.TemplateSupport.ref;
import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import java.time.Clock;
import java.util.function.UnaryOperator;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.filedrop.FileDropRoutes;
import dev.camelzest.routes.filedrop.ListedFiles;
import dev.camelzest.routes.filedrop.FileReport;
import dev.camelzest.routes.filedrop.OutputFile;
import dev.camelzest.routes.filedrop.ReportCompletion;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * {@value #SFTP} and {@value #FILE}: SPV request files (JSON or YAML) dropped in an SFTP or a local directory
 * become {@code createSpvRequest} calls, or {@code cancelSpvRequest} for a file whose action is {@code cancel}. The
 * request is recorded in the ledger under the file's localId; the file moves to the done directory with a
 * {@code <name>.result.json}, or to the error directory with a {@code <name>.errors.json} when it is invalid or Zest
 * refused it. A transient failure is retried with the same Idempotency-Key (derived from the localId); when retries
 * run out the file stays for the next poll. The file-drop pipeline's pieces: its drop-directory parameters, sources,
 * read lock, staged write and {@link FileDropRoutes#ARCHIVE} move, and {@link FileReport}.
 * <p>
 * {@value #RECONCILE}: every period, the requests the ledger still holds as pending are refreshed with
 * {@code getSpvRequest}, for the webhooks Zest gave up delivering.
 */
public class SpvRequestTemplates extends RouteBuilder {

    public static final String SFTP = "zest-spv-requests-sftp";
    public static final String FILE = "zest-spv-requests-file";
    public static final String RECONCILE = "zest-spv-requests-reconcile";

    private static final String SUBMISSION = "spvRequestSubmission";
    private static final String PREPARE = "spvRequestPrepare";
    private static final String ANSWERED = "spvRequestAnswered";
    private static final String REJECTED = "spvRequestRejected";
    /** The directory's filter, for its oldest-file gauge. */
    private static final String LISTED = "spvRequestListed";
    private static final String RECONCILIATION = "spvRequestReconciliation";
    private static final String PENDING = "spvRequestPending";
    private static final String REFRESH_REQUEST = "spvRequestRefreshRequest";
    private static final String REFRESHED = "spvRequestRefreshed";

    @Override
    public void configure() {
        submissionRoute(SftpSupport.parameters(routeTemplate(SFTP)
                        .description("SPV request files from an SFTP directory into zest:createSpvRequest")),
                FileDropRoutes::sftpSource, FileDropRoutes.sftpWriter());
        submissionRoute(routeTemplate(FILE)
                        .description("SPV request files from a local directory into zest:createSpvRequest"),
                FileDropRoutes::fileSource, FileDropRoutes.fileWriter());
        reconciliation();
    }

    /**
     * The route of one source; {@code reportUri} is one static writer for both reports: the report's name (done/ or
     * error/, then the file's) is its CamelFileName.
     */
    private void submissionRoute(RouteTemplateDefinition template, UnaryOperator<String> source, String reportUri) {
        RouteDefinition route = FileDropRoutes.dropParameters(template)
                .templateParameter("include", "(?i).*\\.(json|ya?ml)", "Regex of the file names to submit")
                .templateParameter("maxFileSize", "1048576",
                        "The largest request file in bytes read; a larger one goes to the error directory")
                .templateParameter("zestUri", "zest:createSpvRequest",
                        "The zest: endpoint, with its options (cancel files use the same endpoint)")
                .templateBean(PREPARE, Processor.class, rtc -> (Processor) submission(rtc)::prepare)
                .templateBean(ANSWERED, Processor.class, rtc -> (Processor) submission(rtc)::answered)
                .templateBean(REJECTED, Processor.class, rtc -> (Processor) submission(rtc)::rejected)
                .templateBean(LISTED, ListedFiles.class, rtc -> new ListedFiles(rtc.getCamelContext()))
                .from(source.apply(FileDropRoutes.pollOptions("include={{include}}&filter=#{{" + LISTED + "}}")));
        FileDropRoutes.publish(route.onException(UnreadableFileException.class, ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .handled(true)
                .process(ref(REJECTED))
                .process(OutputFile::toMessage), reportUri)
                .end();
        // a transient failure that outlasts the retries is not handled: the file stays for the next poll
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        FileDropRoutes.publish(route.process(ref(PREPARE))
                .filter(SpvRequestSubmission::toAnswer)
                    .filter(exchangeProperty(SpvRequestSubmission.CALL).isNotNull())
                        .to("{{zestUri}}")
                    .end()
                    .process(ref(ANSWERED))
                    .process(OutputFile::toMessage), reportUri)
                .end();
    }

    /** The route's one {@link SpvRequestSubmission}, shared by its steps. */
    private static SpvRequestSubmission submission(RouteTemplateContext rtc) {
        return TemplateSupport.routeBean(rtc, SUBMISSION, SpvRequestSubmission.class,
                () -> new SpvRequestSubmission(TemplateSupport.ledger(rtc).spvRequests(),
                        Integer.parseInt(text(rtc, "maxFileSize")), text(rtc, "doneDirectory"),
                        text(rtc, "errorDirectory"),
                        new ReportCompletion(TemplateSupport.ledger(rtc).fileCompletions(), Clock.systemUTC())));
    }

    /** Every period, the requests the ledger holds as pending are asked about, one by one. */
    private void reconciliation() {
        RouteDefinition route = TemplateSupport.singletonParameter(TemplateSupport.ledgerParameters(routeTemplate(RECONCILE)
                .description("Refreshes the SPV requests still pending in the ledger with zest:getSpvRequest")
                .templateParameter("period", "15m", "How often the pending requests are refreshed")
                .templateParameter("initialDelay", "1m", "How long after start the first refresh runs")
                .templateParameter("zestUri", "zest:getSpvRequest", "The zest: endpoint, with its options")))
                .templateBean(PENDING, Processor.class, rtc -> (Processor) reconciliation(rtc)::pending)
                .templateBean(REFRESH_REQUEST, Processor.class, rtc -> (Processor) reconciliation(rtc)::request)
                .templateBean(REFRESHED, Processor.class, rtc -> (Processor) reconciliation(rtc)::refreshed)
                .from("{{singletonPrefix}}timer:zest-spv-requests-reconcile?period={{period}}&delay={{initialDelay}}");
        // one request Zest cannot be asked about does not hold up the others: it is tried again next period
        route.onException(Exception.class).continued(true).end();
        route.process(ref(PENDING))
                .split(body())
                    .process(ref(REFRESH_REQUEST))
                    .to("{{zestUri}}")
                    .process(ref(REFRESHED))
                .end();
    }

    /** The route's one {@link SpvRequestReconciliation}, shared by its steps. */
    private static SpvRequestReconciliation reconciliation(RouteTemplateContext rtc) {
        return TemplateSupport.routeBean(rtc, RECONCILIATION, SpvRequestReconciliation.class,
                () -> new SpvRequestReconciliation(TemplateSupport.ledger(rtc).spvRequests()));
    }
}
