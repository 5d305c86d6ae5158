package dev.camelzest.routes.subscriptions;

import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.investors.UnreadableFileException;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * {@value #SFTP} and {@value #FILE}: subscriptions CSV files dropped on SFTP or in a local directory become one
 * {@code createSubscriptions} call per SPV; investors given by partnerInvestorId are resolved through the ledger
 * (unknown ones are reported, not sent). A
 * {@code <name>.results.csv} with one line per row goes to the results directory, the input to the done directory;
 * an unreadable file goes to the error directory with a report. Zest refusing one SPV's batch fails its rows only;
 * a transient failure is retried with the same Idempotency-Key, and when retries run out the file stays for the
 * next poll, where rows already created are found in the ledger.
 */
public class SubscriptionTemplates extends RouteBuilder {

    public static final String SFTP = "zest-subscriptions-sftp";
    public static final String FILE = "zest-subscriptions-file";

    private static final String POLL_OPTIONS = "include={{include}}&readLock=changed"
            + "&readLockCheckInterval={{readLockCheckInterval}}&delay={{pollDelay}}&autoCreate=true"
            + "&move=${exchangeProperty." + SubscriptionFileImport.ARCHIVE + "}/${file:name}";
    private static final String WRITE_OPTIONS = "fileExist=Override&tempPrefix=.writing-&autoCreate=true";

    private static final String IMPORT_BEAN = "subscriptionImport";
    private static final String IMPORT = "{{" + IMPORT_BEAN + "}}";

    @Override
    public void configure() {
        RouteTemplateDefinition sftp = commonParameters(SftpSupport.parameters(routeTemplate(SFTP)
                .description("Subscriptions CSV files from an SFTP directory into zest:createSubscriptions")));
        String sftpBase = "sftp://{{host}}:{{port}}/{{directory}}";
        importRoute(sftp,
                sftpBase + "?" + SftpSupport.CONNECTION + "&" + POLL_OPTIONS
                        + "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}",
                sftpBase + "/{{resultsDirectory}}?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS,
                sftpBase + "/{{errorDirectory}}?" + SftpSupport.CONNECTION + "&" + WRITE_OPTIONS);

        RouteTemplateDefinition file = commonParameters(routeTemplate(FILE)
                .description("Subscriptions CSV files from a local directory into zest:createSubscriptions"));
        importRoute(file,
                "file:{{directory}}?" + POLL_OPTIONS,
                "file:{{directory}}/{{resultsDirectory}}?" + WRITE_OPTIONS,
                "file:{{directory}}/{{errorDirectory}}?" + WRITE_OPTIONS);
    }

    private static RouteTemplateDefinition commonParameters(RouteTemplateDefinition template) {
        return TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(template
                        .templateParameter("directory", null, "The directory subscription files are dropped in")
                        .templateParameter("resultsDirectory", "results",
                                "Where results files are written (relative to the directory)")
                        .templateParameter("doneDirectory", "done", "Where imported files go")
                        .templateParameter("errorDirectory", "error", "Where unreadable files go, with a report")
                        .templateParameter("include", "(?i).*\\.csv", "Regex of the file names to import")
                        .templateParameter("zestUri", "zest:createSubscriptions",
                                "The endpoint the calls go to, with any zest: options")
                        .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")
                        .templateParameter("readLockCheckInterval", "1000",
                                "Milliseconds between the checks that a file is no longer being written")),
                "6", "1000", "60000")
                .templateBean(IMPORT_BEAN, SubscriptionFileImport.class, rtc -> {
                    Ledger ledger = TemplateSupport.ledger(rtc);
                    return new SubscriptionFileImport(ledger.investors(), ledger.subscriptions(),
                            text(rtc, "doneDirectory"), text(rtc, "errorDirectory"));
                });
    }

    private void importRoute(RouteTemplateDefinition template, String sourceUri, String resultsUri,
            String errorUri) {
        RouteDefinition route = template.from(sourceUri);
        route.onException(UnreadableFileException.class)
                .handled(true)
                .bean(IMPORT, "unreadable")
                .to(errorUri)
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
                .to(resultsUri);
    }
}
