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
 */
public class SpvRequestTemplates extends RouteBuilder {

    public static final String FILE = "zest-spv-requests-file";

    private static final String SUBMISSION_BEAN = "spvRequestSubmission";
    private static final String SUBMISSION = "{{" + SUBMISSION_BEAN + "}}";

    @Override
    public void configure() {
        RouteDefinition route = TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(routeTemplate(FILE)
                .description("SPV request files from a local directory into zest:createSpvRequest")
                .templateParameter("directory", null, "The directory request files are dropped in")
                .templateParameter("doneDirectory", "done", "Where submitted files go, with their result")
                .templateParameter("errorDirectory", "error", "Where invalid or refused files go, with their errors")
                .templateParameter("include", "(?i).*\\.(json|ya?ml)", "Regex of the file names to submit")
                .templateParameter("zestUri", "zest:createSpvRequest",
                        "The zest: endpoint, with its options (cancel files use the same endpoint)")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")),
                "6", "1000", "60000")
                .templateBean(SUBMISSION_BEAN, SpvRequestSubmission.class,
                        rtc -> new SpvRequestSubmission(TemplateSupport.ledger(rtc).spvRequests(),
                                text(rtc, "doneDirectory"), text(rtc, "errorDirectory")))
                .from("file:{{directory}}?include={{include}}&readLock=changed&readLockCheckInterval=500"
                        + "&delay={{pollDelay}}&autoCreate=true"
                        + "&move=${exchangeProperty." + SpvRequestSubmission.ARCHIVE + "}/${file:name}");
        String report = "file:{{directory}}/${exchangeProperty." + SpvRequestSubmission.ARCHIVE + "}"
                        + "?fileExist=Override&tempPrefix=.writing-&autoCreate=true";
        route.onException(InvalidFileException.class, ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .handled(true)
                .bean(SUBMISSION, "rejected")
                .toD(report)
                .end();
        // a transient failure that outlasts the retries is not handled: the file stays for the next poll
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        route.bean(SUBMISSION, "prepare")
                .filter(exchangeProperty(SpvRequestSubmission.CALL).isNotNull())
                    .to("{{zestUri}}")
                .end()
                .bean(SUBMISSION, "answered")
                .toD(report);
    }
}
