package dev.camelzest.routes.filedrop;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.json.ZestJson;
import dev.camelzest.component.model.PartnerValidationError;

/**
 * The JSON report of a flow that sends one file as a whole (a document, an SPV request file), written beside the
 * file where it goes: {@code <file>.result.json} in the done directory, {@code <file>.errors.json} in the error
 * directory. Its fields are in the order they are put.
 */
public final class FileReport {

    private static final ObjectMapper JSON = ZestJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Map<String, Object> content = new LinkedHashMap<>();

    public FileReport put(String field, Object value) {
        content.put(field, value);
        return this;
    }

    public FileReport outcome(RowStatus outcome) {
        return put("outcome", outcome.value());
    }

    /**
     * Why the file cannot be sent: the problems found in it, or Zest's refusal (status, code, detail, error id and
     * the fields it names), or else the failure itself.
     */
    public FileReport failure(Exception failure) {
        if (failure instanceof UnreadableFileException unreadable) {
            put("problems", unreadable.problems());
        } else if (failure instanceof ZestApiException refused) {
            put("httpStatus", refused.getStatusCode());
            put("code", refused.getCode());
            put("detail", refused.getDetail());
            put("errorId", refused.getErrorId());
            put("validationErrors", refused.getValidationErrors().stream().map(FileReport::problem).toList());
        } else {
            put("detail", String.valueOf(failure));
        }
        return this;
    }

    private static String problem(PartnerValidationError error) {
        return error.path() + ": " + error.code() + " (" + error.message() + ")";
    }

    /** The report as a file to publish under {@code name} (for {@link OutputFile#toMessage}). */
    public OutputFile toFile(String name) throws JsonProcessingException {
        return OutputFile.inMemory(name, JSON.writeValueAsBytes(content));
    }
}
