package dev.camelzest.routes.spvrequests;

import static dev.camelzest.routes.support.TemplateSupport.fileName;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.model.SpvRequestResponse;
import dev.camelzest.routes.filedrop.FileDropRoutes;
import dev.camelzest.routes.filedrop.FileReport;
import dev.camelzest.routes.filedrop.ReportCompletion;
import dev.camelzest.routes.filedrop.RowStatus;
import dev.camelzest.routes.filedrop.UnreadableFileException;
import dev.camelzest.routes.ledger.SpvRequestLedger;
import dev.camelzest.routes.ledger.SpvRequestRecord;
import dev.camelzest.routes.spvrequests.SpvRequestFile.Action;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;

/**
 * One SPV request file through Zest: read and checked, sent as {@code createSpvRequest} (or
 * {@code cancelSpvRequest}), recorded in the ledger, answered with a result file, or with an errors file when it is
 * invalid or Zest refused it.
 * <p>
 * The Idempotency-Key is derived from the localId, so a file dropped again is the same request to Zest; and a
 * localId the ledger already holds is answered from the ledger without calling Zest at all (the key is only kept 24 h
 * by Zest). The file's completion is recorded in the ledger before its report is written ({@link ReportCompletion}):
 * a file taken over after its report was written, before it moved, is not sent again and gets no second report; it
 * only moves.
 */
public final class SpvRequestSubmission {

    /** Exchange property: true when Zest is to be called for this file. */
    public static final String CALL = "zestSpvRequestCall";

    private static final String FILE = "zestSpvRequestFile";
    private static final String KNOWN = "zestSpvRequestKnown";
    private static final String COMPLETED_EARLIER = "zestSpvRequestCompletedEarlier";

    private final SpvRequestFileReader reader = new SpvRequestFileReader();
    private final SpvRequestLedger ledger;
    private final int maxFileSize;
    private final String doneDirectory;
    private final String errorDirectory;
    private final ReportCompletion completion;

    public SpvRequestSubmission(SpvRequestLedger ledger, int maxFileSize, String doneDirectory,
            String errorDirectory, ReportCompletion completion) {
        this.ledger = ledger;
        this.maxFileSize = maxFileSize;
        this.doneDirectory = doneDirectory;
        this.errorDirectory = errorDirectory;
        this.completion = completion;
    }

    /** Whether the file is to be answered now: no earlier run completed it. */
    public static boolean toAnswer(Exchange exchange) {
        return !exchange.getProperty(COMPLETED_EARLIER, false, Boolean.class);
    }

    /** The Idempotency-Key of a localId: the same for every drop of the same request. */
    public static String idempotencyKey(String localId) {
        return UUID.nameUUIDFromBytes(("zest-spv-request:" + localId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Reads the file and prepares the call its action needs, if any; a file an earlier run completed, its report
     * there, is only moved.
     */
    public void prepare(Exchange exchange) throws InvalidPayloadException, IOException {
        exchange.setProperty(FileDropRoutes.ARCHIVE, errorDirectory);
        Message message = exchange.getMessage();
        byte[] content = content(message);
        Optional<String> movesTo = completion.completedEarlier(exchange, new ByteArrayInputStream(content));
        if (movesTo.isPresent()) {
            exchange.setProperty(COMPLETED_EARLIER, true);
            exchange.setProperty(FileDropRoutes.ARCHIVE, movesTo.get());
            message.setBody(null);
            return;
        }
        SpvRequestFile file = reader.read(fileName(exchange), content);
        exchange.setProperty(FILE, file);
        Optional<SpvRequestRecord> known = file.localId() != null ? ledger.byLocalId(file.localId())
                : ledger.bySlug(file.slug());
        known.ifPresent(record -> exchange.setProperty(KNOWN, record));
        message.setBody(null);
        if (file.action() == Action.CREATE) {
            prepareCreate(exchange, message, file, known);
        } else {
            prepareCancel(exchange, message, file, known);
        }
    }

    /** The file's bytes, read only up to the bound: a request is a few kilobytes. */
    private byte[] content(Message message) throws InvalidPayloadException, IOException {
        byte[] content;
        try (InputStream in = message.getMandatoryBody(InputStream.class)) {
            content = in.readNBytes(maxFileSize + 1);
        }
        if (content.length > maxFileSize) {
            throw new UnreadableFileException("the file is larger than " + maxFileSize + " bytes");
        }
        return content;
    }

    private static void prepareCreate(Exchange exchange, Message message, SpvRequestFile file,
            Optional<SpvRequestRecord> known) {
        if (known.isPresent()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("templateId", file.templateId());
        body.put("templateVersion", file.templateVersion());
        body.put("attributes", file.attributes());
        message.setBody(body);
        message.setHeader(ZestConstants.OPERATION, ZestOperation.createSpvRequest);
        message.setHeader(ZestConstants.IDEMPOTENCY_KEY, idempotencyKey(file.localId()));
        exchange.setProperty(CALL, true);
    }

    private static void prepareCancel(Exchange exchange, Message message, SpvRequestFile file,
            Optional<SpvRequestRecord> known) {
        String slug = file.slug() != null ? file.slug() : known.map(SpvRequestRecord::slug).orElse(null);
        if (slug == null) {
            throw new UnreadableFileException("localId: no SPV request " + file.localId()
                    + " in the ledger; give Zest's slug to cancel one submitted elsewhere");
        }
        if (known.map(record -> "cancelled".equals(record.status())).orElse(false)) {
            return;
        }
        message.setHeader(ZestConstants.OPERATION, ZestOperation.cancelSpvRequest);
        message.setHeader(ZestConstants.SLUG, slug);
        exchange.setProperty(CALL, true);
    }

    /** Records Zest's answer (or what the ledger knew) and makes the result file. */
    public void answered(Exchange exchange) throws JsonProcessingException, InvalidPayloadException {
        SpvRequestFile file = exchange.getProperty(FILE, SpvRequestFile.class);
        FileReport result = new FileReport()
                .put("localId", file.localId())
                .put("action", file.action().name().toLowerCase(Locale.ROOT));
        if (Boolean.TRUE.equals(exchange.getProperty(CALL, Boolean.class))) {
            SpvRequestResponse response = exchange.getMessage().getMandatoryBody(SpvRequestResponse.class);
            if (file.action() == Action.CREATE) {
                ledger.recordSubmitted(SpvRequestStates.of(response), file.localId(), fileName(exchange));
            } else {
                ledger.apply(SpvRequestStates.of(response));
            }
            result.outcome(file.action() == Action.CREATE ? RowStatus.CREATED : RowStatus.CANCELLED)
                    .put("spvRequestSlug", response.spvRequestSlug())
                    .put("status", response.status().wireValue());
        } else {
            SpvRequestRecord known = exchange.getProperty(KNOWN, SpvRequestRecord.class);
            result.outcome(file.action() == Action.CREATE ? RowStatus.ALREADY_SUBMITTED : RowStatus.ALREADY_CANCELLED)
                    .put("spvRequestSlug", known.slug())
                    .put("status", known.status());
        }
        report(exchange, doneDirectory, ".result.json", result);
    }

    /** The errors file of an invalid file or a request Zest refused. */
    public void rejected(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RowStatus outcome = failure instanceof UnreadableFileException ? RowStatus.INVALID
                : failure instanceof ZestApiException ? RowStatus.REFUSED : RowStatus.FAILED;
        FileReport report = new FileReport().put("file", fileName(exchange)).outcome(outcome).failure(failure);
        report(exchange, errorDirectory, ".errors.json", report);
    }

    /** The report goes where the file goes, through the route's one static writer: its directory in the name. */
    private void report(Exchange exchange, String directory, String suffix, FileReport report)
            throws JsonProcessingException {
        exchange.setProperty(FileDropRoutes.ARCHIVE, directory);
        exchange.getMessage().setBody(report.toFile(
                directory + "/" + completion.record(exchange, directory, fileName(exchange) + suffix)));
    }
}
