package dev.camelzest.sandbox.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

/**
 * Validates requests against the Zest OpenAPI document with swagger-request-validator. The document is
 * parsed once; the validator is thread-safe and shared by all requests.
 *
 * <p>Errors are answered in the docs' envelope, not FastAPI's 422 (sandbox README, *Error envelope*): a missing
 * header, a bad parameter, a wrong content type or malformed JSON is 400 {@code invalid_request}; a body
 * that breaks its schema is 400 {@code validation_error} with one {@code validationErrors[]} entry per
 * failure, {@code field} being the path from the body's root ({@code investors[3].email}).
 */
public final class OpenApiValidation {

    private static final String BODY_SCHEMA = "validation.request.body.schema.";
    private static final String BODY_MISSING = "validation.request.body.missing";
    private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'] ");
    private static final Pattern MISSING_PROPERTIES = Pattern.compile("\\((\\[.*])\\)\\s*$");

    private final OpenApiInteractionValidator validator;

    private OpenApiValidation(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /**
     * The validator of the packaged document, parsed once per JVM and shared by every sandbox in it
     * (the validator is immutable and thread-safe; parsing costs a few hundred milliseconds).
     */
    public static OpenApiValidation load() {
        return Shared.INSTANCE;
    }

    private static OpenApiValidation parse() {
        LevelResolver levels = LevelResolver.create()
                // bearer auth runs before validation and answers 401 itself
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                // like FastAPI, Zest ignores query parameters it does not know and the Accept header
                .withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
                .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                .build();
        OpenApiInteractionValidator validator = OpenApiInteractionValidator
                .createForInlineApiSpecification(asOpenApi30(OpenApiDocument.sharedBytes()))
                .withLevelResolver(levels)
                .build();
        return new OpenApiValidation(validator);
    }

    private static final class Shared {
        static final OpenApiValidation INSTANCE = parse();
    }

    /**
     * The document declares OpenAPI 3.1.0. swagger-request-validator 2.x parses 3.1 but then drops every
     * schema's {@code type} (a body with {@code "templateId": 5} passes), so the document is validated as
     * OpenAPI 3.0.3: in memory only, the version field is rewritten and the one 3.1 construct it uses,
     * a schema's {@code examples} array, becomes 3.0's single {@code example}. GET /openapi.json serves
     * the original document.
     */
    static String asOpenApi30(byte[] document) {
        try {
            ObjectNode root = (ObjectNode) Json.readTree(document);
            root.put("openapi", "3.0.3");
            replaceExampleArrays(root);
            return Json.writeString(root);
        } catch (IOException e) {
            throw new IllegalStateException("the packaged OpenAPI document is not JSON", e);
        }
    }

    /** A 3.1 schema's {@code examples: [a, ...]} to 3.0's {@code example: a}; 3.0 has no examples array. */
    private static void replaceExampleArrays(JsonNode node) {
        if (node instanceof ObjectNode object && object.get("examples") instanceof ArrayNode examples) {
            object.remove("examples");
            if (!examples.isEmpty()) {
                object.set("example", examples.get(0));
            }
        }
        node.forEach(OpenApiValidation::replaceExampleArrays);
    }

    /** Throws the answer for the first kind of problem found; returns normally when the request conforms. */
    public void validate(ApiRequest request, BodyValidation bodyValidation) {
        if (request.hasBody() && isJson(request)) {
            request.jsonBody(); // malformed JSON: 400 invalid_request before any schema talk
        }
        boolean bodyByHandler = bodyValidation == BodyValidation.HANDLER && request.hasBody();
        ValidationReport report = validator.validateRequest(toValidatorRequest(request, !bodyByHandler));
        if (!report.hasErrors()) {
            return;
        }
        List<String> requestProblems = new ArrayList<>();
        List<ValidationErrorItem> bodyProblems = new ArrayList<>();
        boolean jsonBody = isJson(request);
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR
                    || bodyByHandler && message.getKey().equals(BODY_MISSING)) {
                continue;
            }
            if (jsonBody && message.getKey().startsWith(BODY_SCHEMA)) {
                bodyProblems.addAll(toItems(message, request));
            } else {
                requestProblems.add(describe(message));
            }
        }
        if (!requestProblems.isEmpty()) {
            throw ApiException.invalidRequest(String.join(" ", requestProblems));
        }
        if (bodyProblems.isEmpty()) {
            return; // every error was one this operation leaves to its handler
        }
        throw ApiException.validationError("Request body failed validation.", bodyProblems);
    }

    /** The library's message, naming the parameter or form field it is about. */
    private static String describe(ValidationReport.Message message) {
        String text = withoutPathPrefix(message.getMessage());
        Optional<String> parameter = message.getContext()
                .flatMap(ValidationReport.MessageContext::getParameter)
                .map(p -> p.getIn() + " parameter " + p.getName());
        return parameter.map(p -> p + ": " + text).orElse(text);
    }

    /** fge prefixes nested problems with "[Path '/investors/0'] "; the item's field says that already. */
    private static String withoutPathPrefix(String message) {
        return PATH_PREFIX.matcher(message).replaceFirst("");
    }

    /** The request as the validator sees it; without the body when the handler checks the body itself. */
    private static Request toValidatorRequest(ApiRequest request, boolean withBody) {
        HttpServerRequest http = request.routingContext().request();
        SimpleRequest.Builder builder = new SimpleRequest.Builder(http.method().name(), request.path());
        for (Map.Entry<String, String> header : http.headers()) {
            builder.withHeader(header.getKey(), header.getValue());
        }
        MultiMap query = request.routingContext().queryParams();
        for (String name : query.names()) {
            builder.withQueryParam(name, query.getAll(name));
        }
        if (withBody && (request.hasBody() || isMultipart(request))) {
            builder.withBody(new RequestBody(request));
        }
        return builder.build();
    }

    private static boolean isJson(ApiRequest request) {
        return request.contentType()
                .map(type -> type.toLowerCase(Locale.ROOT).contains("json"))
                .orElse(false);
    }

    private static boolean isMultipart(ApiRequest request) {
        return request.contentType()
                .map(type -> type.toLowerCase(Locale.ROOT).startsWith("multipart/"))
                .orElse(false);
    }

    private static List<ValidationErrorItem> toItems(ValidationReport.Message message, ApiRequest request) {
        String keyword = message.getKey().substring(BODY_SCHEMA.length());
        String pointer = message.getContext()
                .flatMap(ValidationReport.MessageContext::getPointers)
                .map(ValidationReport.MessageContext.Pointers::getInstance)
                .orElse("");
        JsonNode body = request.jsonBody();
        if (keyword.equals("required")) {
            List<ValidationErrorItem> items = new ArrayList<>();
            for (String property : missingProperties(message.getMessage())) {
                String field = join(fieldPath(pointer), property);
                items.add(new ValidationErrorItem(field, "required", field + " is required", null));
            }
            if (!items.isEmpty()) {
                return items;
            }
        }
        String field = fieldPath(pointer);
        JsonNode value = body.at(JsonPointer.compile(pointer));
        return List.of(new ValidationErrorItem(field.isEmpty() ? "body" : field, keyword,
                withoutPathPrefix(message.getMessage()), value.isMissingNode() ? null : value));
    }

    /** The property names of fge's "Object has missing required properties (["a","b"])". */
    private static List<String> missingProperties(String message) {
        Matcher matcher = MISSING_PROPERTIES.matcher(message);
        if (!matcher.find()) {
            return List.of();
        }
        try {
            List<String> names = new ArrayList<>();
            Json.readTree(matcher.group(1).getBytes(StandardCharsets.UTF_8)).forEach(n -> names.add(n.asText()));
            return names;
        } catch (IOException e) {
            return List.of();
        }
    }

    /** JSON pointer {@code /investors/3/email} to {@code investors[3].email}. */
    static String fieldPath(String pointer) {
        StringBuilder path = new StringBuilder();
        for (String segment : pointer.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            String name = segment.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                path.append('[').append(name).append(']');
            } else {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(name);
            }
        }
        return path.toString();
    }

    private static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** Hands the validator the body the handler will use: JSON parsed once, shared with the handler. */
    private static final class RequestBody implements Body {
        private final ApiRequest request;

        RequestBody(ApiRequest request) {
            this.request = request;
        }

        @Override
        public boolean hasBody() {
            return true;
        }

        @Override
        public JsonNode toJsonNode() {
            return request.jsonBody();
        }

        @Override
        public String toString(Charset charset) {
            return new String(request.bodyBytes(), charset);
        }
    }
}
