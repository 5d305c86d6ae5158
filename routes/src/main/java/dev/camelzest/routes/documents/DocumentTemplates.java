package dev.camelzest.routes.documents;

import static dev.camelzest.routes.support.TemplateSupport.retried;
import static dev.camelzest.routes.support.TemplateSupport.text;

import java.util.function.Supplier;

import dev.camelzest.component.ZestApiException;
import dev.camelzest.routes.ledger.Ledger;
import dev.camelzest.routes.support.InvalidFileException;
import dev.camelzest.routes.support.SftpSupport;
import dev.camelzest.routes.support.TemplateSupport;
import org.apache.camel.LoggingLevel;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.builder.PredicateBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.GenericFileDeleteProcessStrategy;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;
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

    /**
     * Documents in drop order, one at a time; manifests, our reports and partial uploads are not documents. Read
     * lock and move are those of {@link WaitingDocuments}, which leaves a waiting document in place.
     */
    private static final String POLL_OPTIONS =
            "exclude=RAW((?i)(.*\\.manifest\\.(json|csv)|.*\\.(result|errors)\\.json|\\..*))"
            + "&sortBy=file:modified&delay={{pollDelay}}&autoCreate=true&filter=#{{" + UPLOAD_BEAN + "Waiting}}"
            + "&processStrategy=#{{" + UPLOAD_BEAN + "Documents}}";
    /**
     * The manifest beside a document, consumed (deleted by {@link WaitingDocuments} unless the document waits; its
     * content goes into the document's report).
     */
    private static final String MANIFEST_OPTIONS = "include=RAW(${exchangeProperty." + DocumentUpload.MANIFEST_PATTERN
            + "})&idempotent=false&processStrategy=#" + WaitingDocuments.MANIFESTS;
    /** How long Camel's changed read lock waits for a document still being written: its own defaults. */
    private static final long FILE_READ_LOCK_TIMEOUT = 10_000;
    private static final long SFTP_READ_LOCK_TIMEOUT = 20_000;
    private static final String WRITE_OPTIONS = "fileExist=Override&tempPrefix=.writing-&autoCreate=true";

    @Override
    public void configure() {
        // a registry bean, not a template bean: the manifest's endpoint is made per document, after the route is built
        if (getCamelContext().getRegistry().lookupByName(WaitingDocuments.MANIFESTS) == null) {
            bindToRegistry(WaitingDocuments.MANIFESTS, manifests());
        }
        RouteTemplateDefinition sftp = commonParameters(SftpSupport.parameters(routeTemplate(SFTP)
                .description("Signed forms and funding receipts from an SFTP directory into Zest's uploads")),
                SftpChangedExclusiveReadLockStrategy::new, SFTP_READ_LOCK_TIMEOUT);
        String sftpBase = "sftp://{{host}}:{{port}}/{{directory}}";
        String connection = "?" + SftpSupport.CONNECTION + "&";
        uploadRoute(sftp,
                sftpBase + connection + POLL_OPTIONS
                        + "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}"
                        + "&stepwise=false&disconnectOnBatchComplete=false",
                // downloaded to a local file, not into memory, so that only the size bound of it is ever read
                sftpBase + connection + MANIFEST_OPTIONS + "&stepwise=false&disconnect=true"
                        + "&localWorkDirectory={{dataDirectory}}/sftp-download/{{host}}-{{port}}/{{directory}}-manifests",
                sftpBase + "/{{doneDirectory}}" + connection + WRITE_OPTIONS,
                sftpBase + "/{{errorDirectory}}" + connection + WRITE_OPTIONS);

        RouteTemplateDefinition file = commonParameters(routeTemplate(FILE)
                .description("Signed forms and funding receipts from a local directory into Zest's uploads"),
                FileChangedExclusiveReadLockStrategy::new, FILE_READ_LOCK_TIMEOUT);
        uploadRoute(file,
                "file:{{directory}}?" + POLL_OPTIONS,
                "file:{{directory}}?" + MANIFEST_OPTIONS,
                "file:{{directory}}/{{doneDirectory}}?" + WRITE_OPTIONS,
                "file:{{directory}}/{{errorDirectory}}?" + WRITE_OPTIONS);
    }

    private static RouteTemplateDefinition commonParameters(RouteTemplateDefinition template,
            Supplier<GenericFileExclusiveReadLockStrategy<?>> readLock, long readLockTimeout) {
        return TemplateSupport.retryParameters(TemplateSupport.ledgerParameters(template
                .templateParameter("directory", null, "The directory documents and their manifests are dropped in")
                .templateParameter("doneDirectory", "done", "Where uploaded documents go, with their result")
                .templateParameter("errorDirectory", "error", "Where rejected documents go, with their errors")
                .templateParameter("maxUploadSize", "10485760", "The largest document in bytes Zest accepts")
                .templateParameter("maxManifestSize", String.valueOf(DocumentManifestReader.DEFAULT_MAX_SIZE),
                        "The largest manifest in bytes read; a larger one sends its document to the error directory")
                .templateParameter("zestUri", "zest:uploadSubscriptionForm",
                        "The zest: endpoint, with its options (funding receipts use the same endpoint)")
                .templateParameter("pollDelay", "5000", "Milliseconds between polls of the directory")
                .templateParameter("readLockCheckInterval", "1000",
                        "Milliseconds between the checks that a file is no longer being written")),
                "6", "1000", "60000")
                .templateBean(UPLOAD_BEAN, DocumentUpload.class, DocumentTemplates::createUpload)
                .templateBean(UPLOAD_BEAN + "Waiting", WaitingFundings.class,
                        rtc -> new WaitingFundings(TemplateSupport.ledger(rtc).subscriptions()))
                .templateBean(UPLOAD_BEAN + "Documents", WaitingDocuments.class,
                        rtc -> documents(rtc, readLock.get(), readLockTimeout));
    }

    /** Camel's changed read lock, then a move on commit to the directory the exchange names. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static WaitingDocuments<?> documents(RouteTemplateContext rtc, GenericFileExclusiveReadLockStrategy readLock,
            long readLockTimeout) {
        readLock.setCheckInterval(Long.parseLong(text(rtc, "readLockCheckInterval")));
        readLock.setTimeout(readLockTimeout);
        readLock.setMarkerFiler(true);
        readLock.setDeleteOrphanLockFiles(true);
        readLock.setReadLockLoggingLevel(LoggingLevel.DEBUG);
        GenericFileRenameProcessStrategy moving = new GenericFileRenameProcessStrategy();
        moving.setCamelContext(rtc.getCamelContext());
        moving.setExclusiveReadLockStrategy(readLock);
        moving.setCommitRenamer(new GenericFileExpressionRenamer(rtc.getCamelContext().resolveLanguage("simple")
                .createExpression("${exchangeProperty." + DocumentUpload.ARCHIVE + "}/${file:name}")));
        return new WaitingDocuments(moving);
    }

    /** Deleted on commit. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private WaitingDocuments<?> manifests() {
        GenericFileDeleteProcessStrategy deleting = new GenericFileDeleteProcessStrategy();
        deleting.setCamelContext(getCamelContext());
        return new WaitingDocuments(deleting);
    }

    private static DocumentUpload createUpload(RouteTemplateContext rtc) {
        Ledger ledger = TemplateSupport.ledger(rtc);
        return new DocumentUpload(ledger.investors(), ledger.subscriptions(),
                Long.parseLong(text(rtc, "maxUploadSize")), Integer.parseInt(text(rtc, "maxManifestSize")),
                text(rtc, "doneDirectory"), text(rtc, "errorDirectory"));
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
                .filter(exchangeProperty(WaitingDocuments.WAITING).isNull())
                    .bean(UPLOAD, "request")
                    .to("{{zestUri}}")
                    .bean(UPLOAD, "uploaded")
                    .to(doneUri)
                .end();
    }
}
