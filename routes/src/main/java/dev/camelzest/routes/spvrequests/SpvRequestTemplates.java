package dev.camelzest.routes.spvrequests;

import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.support.InvalidFileException;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * {@value #FILE}: SPV request files (JSON or YAML) dropped in a directory become {@code createSpvRequest} calls, or
 * {@code cancelSpvRequest} for a file whose action is {@code cancel}. The request is recorded in the ledger under the
 * file's localId; the file moves to the done directory with a {@code <name>.result.json}, or to the error directory
 * with a {@code <name>.errors.json} when it is invalid or Zest refused it. A transient failure is retried with the
 * same Idempotency-Key (derived from the localId); when retries run out the file stays for the next poll.
 * <p>
 * {@value #RECONCILE}: every period, the requests the ledger still holds as pending are refreshed with
 * {@code getSpvRequest}, for the webhooks Zest gave up delivering.
 */
public class SpvRequestTemplates extends RouteBuilder {

    public static final String FILE = "zest-spv-requests-file";
    public static final String RECONCILE = "zest-spv-requests-reconcile";

    private static final String SUBMISSION_BEAN = "spvRequestSubmission";
    private static final String RECONCILIATION_BEAN = "spvRequestReconciliation";
    private static final String RECONCILIATION = "{{" + RECONCILIATION_BEAN + "}}";
    private static final String SUBMISSION = "{{" + SUBMISSION_BEAN + "}}";

    @Override
    public void configure() {
        RouteDefinition route = TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(routeTemplate(FILE)
                .description("SPV request files from a local directory into zest:createSpvRequest")
                .templateParameter("directory", null, "The directory request files are dropped in")
                .templateParameter("doneDirectory", "done", "Where submitted files go, with their result")
                .templateParameter("errorDirectory", "error", "Where invalid or refused files go, with their errors")
                .templateParameter("include", "(?i).*\\.(json|ya?ml)", "Regex of the file names to submit")
                .templateParameter("maxFileSize", "1048576",
                        "The largest request file in bytes read; a larger one goes to the error directory")
                .templateParameter("zestUri", "zest:createSpvRequest",
                        "The zest: endpoint, with its options (cancel files use the same endpoint)")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")),
                "6", "1000", "60000")
                .templateBean(SUBMISSION_BEAN, SpvRequestSubmission.class,
                        rtc -> new SpvRequestSubmission(TemplateSupport.ledger(rtc).spvRequests(),
                                Integer.parseInt(text(rtc, "maxFileSize")), text(rtc, "doneDirectory"),
                                text(rtc, "errorDirectory")))
                .from("file:{{directory}}?include={{include}}&readLock=changed&readLockCheckInterval=500"
                        + "&delay={{pollDelay}}&autoCreate=true"
                        + "&move=${exchangeProperty." + SpvRequestSubmission.ARCHIVE + "}/${file:name}");
        // a static URI: the report's name (done/ or error/, then the file's) is the CamelFileName header
        String report = "file:{{directory}}?fileExist=Override&tempPrefix=.writing-&autoCreate=true";
        route.onException(InvalidFileException.class, ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .handled(true)
                .bean(SUBMISSION, "rejected")
                .to(report)
                .end();
        // a transient failure that outlasts the retries is not handled: the file stays for the next poll
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        route.bean(SUBMISSION, "prepare")
                .filter(exchangeProperty(SpvRequestSubmission.CALL).isNotNull())
                    .to("{{zestUri}}")
                .end()
                .bean(SUBMISSION, "answered")
                .to(report);

        reconciliation();
    }

    /** Every period, the requests the ledger holds as pending are asked about, one by one. */
    private void reconciliation() {
        RouteDefinition route = TemplateSupport.ledgerParameters(routeTemplate(RECONCILE)
                .description("Refreshes the SPV requests still pending in the ledger with zest:getSpvRequest")
                .templateParameter("period", "15m", "How often the pending requests are refreshed")
                .templateParameter("initialDelay", "1m", "How long after start the first refresh runs")
                .templateParameter("zestUri", "zest:getSpvRequest", "The zest: endpoint, with its options"))
                .templateBean(RECONCILIATION_BEAN, SpvRequestReconciliation.class,
                        rtc -> new SpvRequestReconciliation(TemplateSupport.ledger(rtc).spvRequests()))
                .from("timer:zest-spv-requests-reconcile?period={{period}}&delay={{initialDelay}}");
        // one request Zest cannot be asked about does not hold up the others: it is tried again next period
        route.onException(Exception.class).continued(true).end();
        route.split(method(RECONCILIATION, "pending"))
                    .bean(RECONCILIATION, "request")
                    .to("{{zestUri}}")
                    .bean(RECONCILIATION, "refreshed")
                .end();
    }
}
