package dev.camelzest.routes.spvrequests;

import static dev.camelzest.routes.support.TemplateSupport.fileName;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelzest.routes.support.InvalidFileException;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.model.PartnerValidationError;
import dev.camelzest.component.model.SpvRequestResponse;
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
 * by Zest).
 */
public final class SpvRequestSubmission {

    /** Exchange property: true when Zest is to be called for this file. */
    public static final String CALL = "zestSpvRequestCall";
    /** Exchange property: the directory, relative to the input, the file and its report go to. */
    public static final String ARCHIVE = "zestSpvRequestArchive";

    private static final String FILE = "zestSpvRequestFile";
    private static final String KNOWN = "zestSpvRequestKnown";

    private final SpvRequestFileReader reader = new SpvRequestFileReader();
    private final ObjectMapper mapper = ZestJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final SpvRequestLedger ledger;
    private final int maxFileSize;
    private final String doneDirectory;
    private final String errorDirectory;

    public SpvRequestSubmission(SpvRequestLedger ledger, int maxFileSize, String doneDirectory,
            String errorDirectory) {
        this.ledger = ledger;
        this.maxFileSize = maxFileSize;
        this.doneDirectory = doneDirectory;
        this.errorDirectory = errorDirectory;
    }

    /** The Idempotency-Key of a localId: the same for every drop of the same request. */
    public static String idempotencyKey(String localId) {
        return UUID.nameUUIDFromBytes(("zest-spv-request:" + localId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Reads the file and prepares the call its action needs, if any. */
    public void prepare(Exchange exchange) throws InvalidPayloadException, IOException {
        exchange.setProperty(ARCHIVE, errorDirectory);
        Message message = exchange.getMessage();
        SpvRequestFile file = reader.read(fileName(exchange), content(message));
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
            throw new InvalidFileException(List.of("the file is larger than " + maxFileSize + " bytes"));
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
            throw new InvalidFileException(List.of("localId: no SPV request " + file.localId()
                    + " in the ledger; give Zest's slug to cancel one submitted elsewhere"));
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
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("localId", file.localId());
        result.put("action", file.action().name().toLowerCase(Locale.ROOT));
        if (Boolean.TRUE.equals(exchange.getProperty(CALL, Boolean.class))) {
            SpvRequestResponse response = exchange.getMessage().getMandatoryBody(SpvRequestResponse.class);
            if (file.action() == Action.CREATE) {
                ledger.recordSubmitted(SpvRequestStates.of(response), file.localId(), fileName(exchange));
            } else {
                ledger.apply(SpvRequestStates.of(response));
            }
            result.put("outcome", file.action() == Action.CREATE ? "created" : "cancelled");
            result.put("spvRequestSlug", response.spvRequestSlug());
            result.put("status", response.status().wireValue());
        } else {
            SpvRequestRecord known = exchange.getProperty(KNOWN, SpvRequestRecord.class);
            result.put("outcome", file.action() == Action.CREATE ? "already_submitted" : "already_cancelled");
            result.put("spvRequestSlug", known.slug());
            result.put("status", known.status());
        }
        exchange.setProperty(ARCHIVE, doneDirectory);
        report(exchange, ".result.json", result);
    }

    /** The errors file of an invalid file or a request Zest refused. */
    public void rejected(Exchange exchange) throws JsonProcessingException {
        Exception failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("file", fileName(exchange));
        if (failure instanceof InvalidFileException invalid) {
            report.put("outcome", "invalid");
            report.put("problems", invalid.problems());
        } else if (failure instanceof ZestApiException refused) {
            report.put("outcome", "refused");
            report.put("httpStatus", refused.getStatusCode());
            report.put("code", refused.getCode());
            report.put("detail", refused.getDetail());
            report.put("errorId", refused.getErrorId());
            report.put("validationErrors", refused.getValidationErrors().stream()
                    .map(SpvRequestSubmission::problem).toList());
        } else {
            report.put("outcome", "failed");
            report.put("detail", String.valueOf(failure));
        }
        exchange.setProperty(ARCHIVE, errorDirectory);
        report(exchange, ".errors.json", report);
    }

    private static String problem(PartnerValidationError error) {
        return error.path() + ": " + error.code() + " (" + error.message() + ")";
    }

    private void report(Exchange exchange, String suffix, Map<String, Object> content) throws JsonProcessingException {
        Message message = exchange.getMessage();
        String name = fileName(exchange);
        message.removeHeaders("Camel*", Exchange.FILE_NAME_ONLY, Exchange.FILE_NAME);
        message.setHeader(Exchange.FILE_NAME, exchange.getProperty(ARCHIVE, String.class) + "/" + name + suffix);
        message.setBody(mapper.writeValueAsBytes(content));
    }

}
