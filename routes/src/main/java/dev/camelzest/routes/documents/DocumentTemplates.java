package dev.camelzest.routes.documents;

import static dev.camelzest.routes.support.TemplateSupport.ref;
import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import java.time.Clock;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.filedrop.FileDropRoutes;
import dev.camelzest.routes.filedrop.OutputFile;
import dev.camelzest.routes.filedrop.ReportCompletion;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.LoggingLevel;
import org.apache.camel.Processor;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.strategy.GenericFileDeleteProcessStrategy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Signed subscription forms and funding receipts, each with a manifest beside it ({@code <document>.manifest.json},
 * or {@code .csv}), dropped on SFTP ({@value #SFTP}) or in a local directory ({@value #FILE}), uploaded to Zest
 * {@code maxUploadsInFlight} at a time (Camel's threads EIP), taken in the order they were dropped. A funding receipt
 * whose form is not on record yet waits in place and goes on a later poll, once the form is uploaded. Size and type are checked before anything is sent; a rejected
 * document goes to the error directory with a {@code <document>.errors.json}, an uploaded one to the done directory
 * with a {@code <document>.result.json}. The manifest is consumed: its content is in the report.
 * <p>
 * The file-drop pipeline's pieces: its drop-directory parameters, SFTP and local sources, staged writers and the
 * {@link FileDropRoutes#ARCHIVE} move; the read lock and the move ({@link FileDropRoutes#archiving}) are applied
 * through {@link WaitingDocuments}, which leaves a waiting document in place.
 */
public class DocumentTemplates extends RouteBuilder {

    public static final String SFTP = "zest-documents-sftp";
    public static final String FILE = "zest-documents-file";

    private static final String UPLOAD = "documentUpload";
    private static final String START = "documentUploadStart";
    private static final String MANIFEST = "documentUploadManifest";
    private static final String REQUEST = "documentUploadRequest";
    private static final String UPLOADED = "documentUploadUploaded";
    private static final String REJECTED = "documentUploadRejected";
    private static final String WAITING_FUNDINGS = "documentUploadWaiting";
    private static final String DOCUMENTS = "documentUploadDocuments";

    /** Documents in drop order, one at a time; manifests, our reports and partial uploads are not documents. */
    private static final String POLL_OPTIONS =
            "exclude=RAW((?i)(.*\\.manifest\\.(json|csv)|.*\\.(result|errors)\\.json|\\..*))"
            + "&sortBy=file:modified&delay={{pollDelay}}&autoCreate=true&filter=#{{" + WAITING_FUNDINGS + "}}"
            + "&processStrategy=#{{" + DOCUMENTS + "}}";
    /**
     * The manifest beside a document, consumed (deleted by {@link WaitingDocuments} unless the document waits; its
     * content goes into the document's report).
     */
    private static final String MANIFEST_OPTIONS = "include=RAW(${exchangeProperty." + DocumentUpload.MANIFEST_PATTERN
            + "})&idempotent=false&processStrategy=#" + WaitingDocuments.MANIFESTS;
    @Override
    public void configure() {
        // a registry bean, not a template bean: the manifest's endpoint is made per document, after the route is built
        if (getCamelContext().getRegistry().lookupByName(WaitingDocuments.MANIFESTS) == null) {
            bindToRegistry(WaitingDocuments.MANIFESTS, manifests());
        }
        RouteTemplateDefinition sftp = parameters(SftpSupport.parameters(routeTemplate(SFTP)
                .description("Signed forms and funding receipts from an SFTP directory into Zest's uploads")));
        uploadRoute(sftp,
                FileDropRoutes.sftpSource(POLL_OPTIONS),
                // downloaded to a local file, not into memory, so that only the size bound of it is ever read
                FileDropRoutes.SFTP_DIRECTORY + "?" + SftpSupport.CONNECTION + "&" + MANIFEST_OPTIONS
                        + FileDropRoutes.SFTP_LOCAL_WORK + "-manifests&stepwise=false&disconnect=true",
                FileDropRoutes.sftpWriter("doneDirectory"),
                FileDropRoutes.sftpWriter("errorDirectory"));

        RouteTemplateDefinition file = parameters(routeTemplate(FILE)
                .description("Signed forms and funding receipts from a local directory into Zest's uploads"));
        uploadRoute(file,
                FileDropRoutes.fileSource(POLL_OPTIONS),
                FileDropRoutes.fileSource(MANIFEST_OPTIONS),
                FileDropRoutes.fileWriter("doneDirectory"),
                FileDropRoutes.fileWriter("errorDirectory"));
    }

    private static RouteTemplateDefinition parameters(RouteTemplateDefinition template) {
        return FileDropRoutes.dropParameters(template)
                .templateParameter("maxUploadSize", "10485760", "The largest document in bytes Zest accepts")
                .templateParameter("maxManifestSize", String.valueOf(DocumentManifestReader.DEFAULT_MAX_SIZE),
                        "The largest manifest in bytes read; a larger one sends its document to the error directory")
                .templateParameter("zestUri", "zest:uploadSubscriptionForm",
                        "The zest: endpoint, with its options (funding receipts use the same endpoint)")
                .templateParameter("maxUploadsInFlight", "4",
                        "The most documents uploaded at once; a funding receipt still goes only once its form is on"
                                + " record")
                .templateBean(START, Processor.class, rtc -> (Processor) upload(rtc)::start)
                .templateBean(MANIFEST, Processor.class, rtc -> (Processor) upload(rtc)::manifest)
                .templateBean(REQUEST, Processor.class, rtc -> (Processor) upload(rtc)::request)
                .templateBean(UPLOADED, Processor.class, rtc -> (Processor) upload(rtc)::uploaded)
                .templateBean(REJECTED, Processor.class, rtc -> (Processor) upload(rtc)::rejected)
                .templateBean(WAITING_FUNDINGS, WaitingFundings.class,
                        rtc -> new WaitingFundings(TemplateSupport.ledger(rtc).subscriptions(),
                                rtc.getCamelContext()))
                .templateBean(DOCUMENTS, WaitingDocuments.class,
                        rtc -> new WaitingDocuments<>(FileDropRoutes.archiving(rtc)));
    }

    /** Deleted on commit. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private WaitingDocuments<?> manifests() {
        GenericFileDeleteProcessStrategy deleting = new GenericFileDeleteProcessStrategy();
        deleting.setCamelContext(getCamelContext());
        return new WaitingDocuments(deleting);
    }

    /** The route's one {@link DocumentUpload}, shared by its steps. */
    private static DocumentUpload upload(RouteTemplateContext rtc) {
        return TemplateSupport.routeBean(rtc, UPLOAD, DocumentUpload.class, () -> {
            Ledger ledger = TemplateSupport.ledger(rtc);
            return new DocumentUpload(ledger.investors(), ledger.subscriptions(),
                    Long.parseLong(text(rtc, "maxUploadSize")), Integer.parseInt(text(rtc, "maxManifestSize")),
                    text(rtc, "doneDirectory"), text(rtc, "errorDirectory"),
                    new ReportCompletion(ledger.fileCompletions(), Clock.systemUTC()));
        });
    }

    private void uploadRoute(RouteTemplateDefinition template, String documentUri, String manifestUri,
            String doneUri, String errorUri) {
        RouteDefinition route = template.from(documentUri);
        route.onException(ZestApiException.class).onWhen(DocumentUpload.FUNDING_BEFORE_FORM)
                .handled(true)
                .logExhausted(false).logStackTrace(false).logHandled(false)
                .log(LoggingLevel.INFO, "${exchangeProperty." + DocumentUpload.MANIFEST_NAME
                        + "}: Zest holds no signed form yet; the funding receipt waits")
                .setProperty(WaitingDocuments.WAITING, constant(true))
                .end();
        FileDropRoutes.publish(route.onException(UnreadableFileException.class, ZestApiException.class)
                .onWhen(PredicateBuilder.not(ZestApiException.RETRYABLE))
                .handled(true)
                .process(ref(REJECTED))
                .process(OutputFile::toMessage), errorUri)
                .end();
        retried(route.onException(Exception.class).onWhen(ZestApiException.RETRYABLE));
        // documents of a poll uploaded at once, in drop order taken; a receipt racing its form finds the form not on
        // record yet and waits for it (ledger, or Zest's 409): the per-investor form-before-receipt order holds
        String uploadsInFlight = "{{maxUploadsInFlight}}";
        FileDropRoutes.publish(route.threads().poolSize(uploadsInFlight).maxPoolSize(uploadsInFlight)
                .threadName("ZestDocumentUpload")
                .process(ref(START))
                .pollEnrich().simple(manifestUri).timeout(0).aggregationStrategy(DocumentUpload::withManifest).end()
                .process(ref(MANIFEST))
                .filter(DocumentUpload::toUpload)
                    .process(ref(REQUEST))
                    .to("{{zestUri}}")
                    .process(ref(UPLOADED))
                    .process(OutputFile::toMessage), doneUri)
                .end();
    }

}
