package dev.camelzest.routes.documents;

import static dev.camelzest.routes.support.TemplateSupport.fileName;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.model.FormUploadResponse;
import dev.camelzest.component.model.FundingUploadResponse;
import dev.camelzest.component.operation.UploadMediaType;
import dev.camelzest.routes.documents.DocumentManifest.Kind;
import dev.camelzest.routes.filedrop.FileDropRoutes;
import dev.camelzest.routes.filedrop.FileReport;
import dev.camelzest.routes.filedrop.ReportCompletion;
import dev.camelzest.routes.filedrop.RowStatus;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import dev.camelzest.routes.ledger.InvestorLedger;
import dev.camelzest.routes.ledger.SubscriptionChange;
import dev.camelzest.routes.ledger.SubscriptionLedger;
import dev.camelzest.routes.ledger.SubscriptionStep;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.NoTypeConversionAvailableException;
import org.apache.camel.Predicate;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One document through Zest: its manifest read, the investor resolved through the ledger, a funding receipt held
 * back until its subscription's signed form is on record, size and type checked before anything is sent, then
 * {@code uploadSubscriptionForm} or {@code uploadFundingReceipt}, the ledger updated, and a report written beside the
 * document where it goes ({@code done/} or {@code error/}). The document's completion is recorded in the ledger before
 * its report is written ({@link ReportCompletion}): a document taken over after its report was written, before it
 * moved, is not uploaded again and gets no second report; it only moves.
 */
public final class DocumentUpload {

    /** Exchange property: the file name of the document's manifest (its pattern until it is found). */
    public static final String MANIFEST_NAME = "zestDocumentManifestName";
    /** Exchange property: a regular expression matching the manifest's file name only. */
    public static final String MANIFEST_PATTERN = "zestDocumentManifestPattern";

    /** Zest refused a funding receipt because the form is not on record there yet: wait, as for the ledger. */
    public static final Predicate FUNDING_BEFORE_FORM = exchange -> {
        ZestApiException failure = exchange.getException(ZestApiException.class);
        return failure != null && failure.getStatusCode() == 409
               && ZestOperation.uploadFundingReceipt.name().equals(failure.getOperation());
    };

    /** The document names accepted: nothing that could end or extend an endpoint option. */
    static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._ -]{0,199}");

    private static final Logger LOG = LoggerFactory.getLogger(DocumentUpload.class);
    private static final String MANIFEST = "zestDocumentManifest";
    private static final String MANIFEST_CONTENT = "zestDocumentManifestContent";
    private static final String PERSON = "zestDocumentPerson";
    private static final String DOCUMENT = "zestDocumentName";
    private static final String COMPLETED_EARLIER = "zestDocumentCompletedEarlier";

    private final DocumentManifestReader reader;
    private final InvestorLedger investors;
    private final SubscriptionLedger subscriptions;
    private final long maxUploadSize;
    private final String doneDirectory;
    private final String errorDirectory;
    private final ReportCompletion completion;

    public DocumentUpload(InvestorLedger investors, SubscriptionLedger subscriptions, long maxUploadSize,
            int maxManifestSize, String doneDirectory, String errorDirectory, ReportCompletion completion) {
        this.reader = new DocumentManifestReader(maxManifestSize);
        this.investors = investors;
        this.subscriptions = subscriptions;
        this.maxUploadSize = maxUploadSize;
        this.doneDirectory = doneDirectory;
        this.errorDirectory = errorDirectory;
        this.completion = completion;
    }

    /**
     * Where the document came from, and the name of its manifest beside it. The name goes into the manifest
     * consumer's {@code include} option, so a name with any other character is refused before it gets there: one
     * such as {@code x)&fileName=...} would otherwise end the option and add its own to a consumer that deletes.
     * A document an earlier run completed, its report there, only moves (its manifest is still polled, to be
     * consumed with it).
     */
    public void start(Exchange exchange) throws IOException {
        exchange.setProperty(FileDropRoutes.ARCHIVE, errorDirectory);
        String document = fileName(exchange);
        exchange.setProperty(DOCUMENT, document);
        if (!SAFE_NAME.matcher(document).matches()) {
            throw new UnreadableFileException("file name: only letters, digits, '.', '_', '-' and spaces"
                    + " (at most 200, starting with a letter or digit); rename the document and its manifest");
        }
        exchange.setProperty(MANIFEST_NAME, document + DocumentManifestReader.SUFFIX + "json|csv");
        exchange.setProperty(MANIFEST_PATTERN, Pattern.quote(document + DocumentManifestReader.SUFFIX) + "(json|csv)");
        Long size = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
        if (size == null || size > maxUploadSize) {
            return; // refused by its size before it is read: nothing to look up
        }
        Optional<String> movesTo;
        try (InputStream in = exchange.getMessage().getBody(InputStream.class)) {
            movesTo = in == null ? Optional.empty() : completion.completedEarlier(exchange, in);
        }
        movesTo.ifPresent(directory -> {
            exchange.setProperty(COMPLETED_EARLIER, true);
            exchange.setProperty(FileDropRoutes.ARCHIVE, directory);
        });
    }

    /** Whether the document is to be uploaded now: it does not wait, and no earlier run completed it. */
    public static boolean toUpload(Exchange exchange) {
        return !WaitingDocuments.waits(exchange) && !completedEarlier(exchange);
    }

    private static boolean completedEarlier(Exchange exchange) {
        return exchange.getProperty(COMPLETED_EARLIER, false, Boolean.class);
    }

    /**
     * Joins the manifest polled beside the document to the document's exchange (for {@code pollEnrich}): its content
     * as a property, the document staying the body.
     */
    public static Exchange withManifest(Exchange document, Exchange manifest) {
        if (manifest != null && manifest.getMessage().getBody() != null) {
            // the file itself, not its bytes: it is read within the manifest's size bound
            document.setProperty(MANIFEST_CONTENT, manifest.getMessage().getBody());
            document.setProperty(MANIFEST_NAME, manifest.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class));
        }
        return document;
    }

    /** The manifest: read, its investor resolved, a funding held back until its form is on record. */
    public void manifest(Exchange exchange) throws IOException, NoTypeConversionAvailableException {
        if (completedEarlier(exchange)) {
            return;
        }
        String document = exchange.getProperty(DOCUMENT, String.class);
        Object content = exchange.getProperty(MANIFEST_CONTENT);
        if (content == null) {
            LOG.debug("{} has no manifest yet: it waits", document);
            exchange.setProperty(WaitingDocuments.WAITING, true);
            return;
        }
        String manifestName = exchange.getProperty(MANIFEST_NAME, String.class);
        DocumentManifest manifest;
        try (InputStream in = exchange.getContext().getTypeConverter()
                .mandatoryConvertTo(InputStream.class, exchange, content)) {
            manifest = reader.read(manifestName, in);
        }
        exchange.setProperty(MANIFEST, manifest);
        String personId = person(manifest).orElseThrow(() -> new UnreadableFileException("partnerInvestorId "
                + manifest.partnerInvestorId() + " is not in the ledger: import the investor first"));
        exchange.setProperty(PERSON, personId);
        if (manifest.kind() == Kind.FUNDING && subscriptions.awaitsForm(manifest.spvSlug(), personId)) {
            // the wait is the consumer's own filter, so the receipt is not polled again until its form is on record
            if (exchange.getFromEndpoint() instanceof GenericFileEndpoint<?> source
                    && source.getFilter() instanceof WaitingFundings waiting) {
                waiting.hold(exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class), manifest.spvSlug(),
                        personId);
            }
            LOG.info("{} waits for the signed form of {} in {}", document, personId, manifest.spvSlug());
            exchange.setProperty(WaitingDocuments.WAITING, true);
        }
    }

    private Optional<String> person(DocumentManifest manifest) {
        return manifest.personId() != null ? Optional.of(manifest.personId())
                : investors.zestPersonId(manifest.partnerInvestorId());
    }


    /** Checks the document's size and type (as Zest will) and makes its upload call. */
    public void request(Exchange exchange) throws IOException {
        Message message = exchange.getMessage();
        check(message);
        DocumentManifest manifest = exchange.getProperty(MANIFEST, DocumentManifest.class);
        message.setHeader(ZestConstants.SPV_SLUG, manifest.spvSlug());
        message.setHeader(ZestConstants.PERSON_ID, exchange.getProperty(PERSON, String.class));
        if (manifest.kind() == Kind.FORM) {
            message.setHeader(ZestConstants.OPERATION, ZestOperation.uploadSubscriptionForm);
        } else {
            message.setHeader(ZestConstants.OPERATION, ZestOperation.uploadFundingReceipt);
            message.setHeader(ZestConstants.AMOUNT, manifest.amount());
            message.setHeader(ZestConstants.CURRENCY, manifest.currency());
            message.setHeader(ZestConstants.WIRE_REFERENCE, manifest.wireReference());
        }
    }

    private void check(Message message) throws IOException {
        Long size = message.getHeader(Exchange.FILE_LENGTH, Long.class);
        if (size != null && size > maxUploadSize) {
            throw new UnreadableFileException("the document has " + size + " bytes; Zest accepts at most "
                    + maxUploadSize);
        }
        byte[] head = new byte[UploadMediaType.SNIFF_LENGTH];
        int length;
        try (InputStream in = message.getBody(InputStream.class)) {
            length = in == null ? 0 : in.readNBytes(head, 0, head.length);
        }
        if (length == 0) {
            throw new UnreadableFileException("the document is empty");
        }
        if (UploadMediaType.detect(head, length).isEmpty()) {
            throw new UnreadableFileException("the document is not a PDF, JPEG, PNG or WEBP by its content"
                    + " (Zest accepts no other type)");
        }
    }

    /** Records the upload in the ledger and makes the result report. */
    public void uploaded(Exchange exchange) throws JsonProcessingException {
        DocumentManifest manifest = exchange.getProperty(MANIFEST, DocumentManifest.class);
        Object reply = exchange.getMessage().getBody();
        FileReport report = report(exchange, RowStatus.UPLOADED);
        if (reply instanceof FormUploadResponse form) {
            subscriptions.apply(SubscriptionChange.of(form.subscriptionSlug(), form.spvSlug(), form.personId(),
                    manifest.partnerInvestorId(), SubscriptionStep.FORM_UPLOADED, form.uploadedAt()));
            report.put("subscriptionSlug", form.subscriptionSlug()).put("uploadedAt", form.uploadedAt());
        } else {
            FundingUploadResponse funding = exchange.getMessage().getBody(FundingUploadResponse.class);
            subscriptions.apply(SubscriptionChange.of(funding.subscriptionSlug(), funding.spvSlug(),
                    funding.personId(), manifest.partnerInvestorId(), SubscriptionStep.FUNDING_UPLOADED,
                    funding.uploadedAt()));
            report.put("subscriptionSlug", funding.subscriptionSlug()).put("uploadedAt", funding.uploadedAt());
        }
        exchange.setProperty(FileDropRoutes.ARCHIVE, doneDirectory);
        exchange.getMessage().setBody(report.toFile(
                completion.record(exchange, doneDirectory, document(exchange) + ".result.json")));
    }

    /** The errors report of a document that cannot be uploaded as it is. */
    public void rejected(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        FileReport report = report(exchange, RowStatus.REJECTED).failure(failure);
        exchange.setProperty(FileDropRoutes.ARCHIVE, errorDirectory);
        exchange.getMessage().setBody(report.toFile(
                completion.record(exchange, errorDirectory, document(exchange) + ".errors.json")));
    }

    private static FileReport report(Exchange exchange, RowStatus outcome) {
        return new FileReport()
                .put("document", document(exchange))
                .outcome(outcome)
                .put("manifest", exchange.getProperty(MANIFEST, DocumentManifest.class))
                .put("personId", exchange.getProperty(PERSON, String.class));
    }

    private static String document(Exchange exchange) {
        return exchange.getProperty(DOCUMENT, String.class);
    }
}
