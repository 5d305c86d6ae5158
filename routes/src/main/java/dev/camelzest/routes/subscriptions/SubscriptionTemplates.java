package dev.camelzest.routes.subscriptions;

import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.investors.UnreadableFileException;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;

/**
 * {@value #FILE}: subscriptions CSV files dropped in a directory become one {@code createSubscriptions} call per SPV;
 * investors given by partnerInvestorId are resolved through the ledger (unknown ones are reported, not sent). A
 * {@code <name>.results.csv} with one line per row goes to the results directory, the input to the done directory;
 * an unreadable file goes to the error directory with a report. Zest refusing one SPV's batch fails its rows only;
 * a transient failure is retried with the same Idempotency-Key, and when retries run out the file stays for the
 * next poll, where rows already created are found in the ledger.
 */
public class SubscriptionTemplates extends RouteBuilder {

    public static final String FILE = "zest-subscriptions-file";

    private static final String IMPORT_BEAN = "subscriptionImport";
    private static final String IMPORT = "{{" + IMPORT_BEAN + "}}";

    @Override
    public void configure() {
        RouteDefinition route = TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(
                routeTemplate(FILE)
                        .description("Subscriptions CSV files from a local directory into zest:createSubscriptions")
                        .templateParameter("directory", null, "The directory subscription files are dropped in")
                        .templateParameter("resultsDirectory", "results",
                                "Where results files are written (relative to the directory)")
                        .templateParameter("doneDirectory", "done", "Where imported files go")
                        .templateParameter("errorDirectory", "error", "Where unreadable files go, with a report")
                        .templateParameter("include", "(?i).*\\.csv", "Regex of the file names to import")
                        .templateParameter("zestUri", "zest:createSubscriptions",
                                "The endpoint the calls go to, with any zest: options")
                        .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")),
                "6", "1000", "60000")
                .templateBean(IMPORT_BEAN, SubscriptionFileImport.class, rtc -> {
                    Ledger ledger = TemplateSupport.ledger(rtc);
                    return new SubscriptionFileImport(ledger.investors(), ledger.subscriptions(),
                            text(rtc, "doneDirectory"), text(rtc, "errorDirectory"));
                })
                .from("file:{{directory}}?include={{include}}&readLock=changed&readLockCheckInterval=500"
                        + "&delay={{pollDelay}}&autoCreate=true"
                        + "&move=${exchangeProperty." + SubscriptionFileImport.ARCHIVE + "}/${file:name}");
        route.onException(UnreadableFileException.class)
                .handled(true)
                .bean(IMPORT, "unreadable")
                .to("file:{{directory}}/{{errorDirectory}}?fileExist=Override&autoCreate=true")
                .end();
        // one SPV's batch refused: its rows fail, and the split goes on (continued, not handled, which would end it)
        route.onException(ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .continued(true)
                .bean(IMPORT, "refused")
                .end();
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        route.bean(IMPORT, "start")
                .split(method(IMPORT, "batches")).stopOnException()
                    .bean(IMPORT, "request")
                    .to("{{zestUri}}")
                    .bean(IMPORT, "results")
                .end()
                .bean(IMPORT, "finish")
                .to("file:{{directory}}/{{resultsDirectory}}?fileExist=Override&tempPrefix=.writing-&autoCreate=true");
    }
}
