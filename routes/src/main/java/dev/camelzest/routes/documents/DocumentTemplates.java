package dev.camelzest.routes.documents;

import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.InvalidFileException;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Signed subscription forms and funding receipts, each with a manifest beside it ({@code <document>.manifest.json},
 * or {@code .csv}), dropped on SFTP ({@value #SFTP}) or in a local directory ({@value #FILE}), uploaded to Zest one at
 * a time in the order they were dropped. A funding receipt whose form is not on record yet waits in place and goes
 * on a later poll, once the form is uploaded. Size and type are checked before anything is sent; a rejected
 * document goes to the error directory with a {@code <document>.errors.json}, an uploaded one to the done directory
 * with a {@code <document>.result.json}. The manifest is consumed: its content is in the report.
 */
public class DocumentTemplates extends RouteBuilder {

    public static final String SFTP = "zest-documents-sftp";
    public static final String FILE = "zest-documents-file";

    private static final String UPLOAD_BEAN = "documentUpload";
    private static final String UPLOAD = "{{" + UPLOAD_BEAN + "}}";

    /** Documents in drop order, one at a time; manifests, our reports and partial uploads are not documents. */
    private static final String POLL_OPTIONS =
            "exclude=RAW((?i)(.*\\.manifest\\.(json|csv)|.*\\.(result|errors)\\.json|\\..*))"
            + "&sortBy=file:modified&readLock=changed&readLockCheckInterval={{readLockCheckInterval}}"
            + "&delay={{pollDelay}}&autoCreate=true&filter=#{{" + UPLOAD_BEAN + "Waiting}}"
            + "&move=${exchangeProperty." + DocumentUpload.ARCHIVE + "}/${file:name}";
    /** The manifest beside a document, consumed (its content goes into the document's report). */
    private static final String MANIFEST_OPTIONS =
            "include=RAW(${exchangeProperty." + DocumentUpload.MANIFEST_PATTERN + "})&delete=true&idempotent=false";
    private static final String WRITE_OPTIONS = "fileExist=Override&tempPrefix=.writing-&autoCreate=true";

    @Override
    public void configure() {
        RouteTemplateDefinition sftp = commonParameters(SftpSupport.parameters(routeTemplate(SFTP)
                .description("Signed forms and funding receipts from an SFTP directory into Zest's uploads")));
        String sftpBase = "sftp://{{host}}:{{port}}/{{directory}}";
        String connection = "?" + SftpSupport.CONNECTION + "&";
        uploadRoute(sftp,
                sftpBase + connection + POLL_OPTIONS
                        + "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}"
                        + "&stepwise=false&disconnectOnBatchComplete=false",
                sftpBase + connection + MANIFEST_OPTIONS + "&stepwise=false&disconnect=true",
                sftpBase + "/{{doneDirectory}}" + connection + WRITE_OPTIONS,
                sftpBase + "/{{errorDirectory}}" + connection + WRITE_OPTIONS);

        RouteTemplateDefinition file = commonParameters(routeTemplate(FILE)
                .description("Signed forms and funding receipts from a local directory into Zest's uploads"));
        uploadRoute(file,
                "file:{{directory}}?" + POLL_OPTIONS,
                "file:{{directory}}?" + MANIFEST_OPTIONS,
                "file:{{directory}}/{{doneDirectory}}?" + WRITE_OPTIONS,
                "file:{{directory}}/{{errorDirectory}}?" + WRITE_OPTIONS);
    }

    private static RouteTemplateDefinition commonParameters(RouteTemplateDefinition template) {
        return TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(template
                .templateParameter("directory", null, "The directory documents and their manifests are dropped in")
                .templateParameter("doneDirectory", "done", "Where uploaded documents go, with their result")
                .templateParameter("errorDirectory", "error", "Where rejected documents go, with their errors")
                .templateParameter("maxUploadSize", "10485760", "The largest document in bytes Zest accepts")
                .templateParameter("zestUri", "zest:uploadSubscriptionForm",
                        "The zest: endpoint, with its options (funding receipts use the same endpoint)")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")
                .templateParameter("readLockCheckInterval", "1000",
                        "Milliseconds between the checks that a file is no longer being written")),
                "6", "1000", "60000")
                .templateBean(UPLOAD_BEAN, DocumentUpload.class, DocumentTemplates::createUpload)
                .templateBean(UPLOAD_BEAN + "Waiting", WaitingFundings.class,
                        rtc -> new WaitingFundings(TemplateSupport.ledger(rtc).subscriptions()));
    }

    private static DocumentUpload createUpload(RouteTemplateContext rtc) {
        Ledger ledger = TemplateSupport.ledger(rtc);
        return new DocumentUpload(ledger.investors(), ledger.subscriptions(),
                Long.parseLong(text(rtc, "maxUploadSize")), text(rtc, "doneDirectory"), text(rtc, "errorDirectory"));
    }

    private void uploadRoute(RouteTemplateDefinition template, String documentUri, String manifestUri,
            String doneUri, String errorUri) {
        RouteDefinition route = template.from(documentUri);
        // not ready yet (no manifest, or a funding before its form): not handled, so the files stay for a later poll
        route.onException(DocumentNotReadyException.class)
                .logExhausted(false).logStackTrace(false).logHandled(false)
                .log(LoggingLevel.DEBUG, "${exception.message}")
                .end();
        route.onException(ZestApiException.class).onWhen(DocumentUpload.FUNDING_BEFORE_FORM)
                .logExhausted(false).logStackTrace(false)
                .log(LoggingLevel.INFO, "${exchangeProperty." + DocumentUpload.MANIFEST_NAME
                        + "}: Zest holds no signed form yet; the funding receipt waits")
                .end();
        route.onException(InvalidFileException.class, ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .handled(true)
                .bean(UPLOAD, "rejected")
                .to(errorUri)
                .end();
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        route.bean(UPLOAD, "start")
                .pollEnrich().simple(manifestUri).timeout(0).aggregationStrategy(DocumentUpload::withManifest).end()
                .bean(UPLOAD, "manifest")
                .bean(UPLOAD, "request")
                .to("{{zestUri}}")
                .bean(UPLOAD, "uploaded")
                .to(doneUri);
    }
}
