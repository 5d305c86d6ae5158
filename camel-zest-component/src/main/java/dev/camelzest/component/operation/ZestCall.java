package dev.camelzest.component.operation;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelzest.component.ZestApiException;
import dev.camelzest.component.ZestClient;
import dev.camelzest.component.ZestConfiguration;
import dev.camelzest.component.ZestConstants;
import dev.camelzest.component.ZestOperation;
import dev.camelzest.component.http.TraceContext;
import dev.camelzest.component.http.ZestRequest;
import dev.camelzest.component.http.ZestResponse;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/** One exchange being sent to Zest: its message, the endpoint's options and client, and how to reply. */
public final class ZestCall {

    private final Exchange exchange;
    private final ZestOperation operation;
    private final ZestConfiguration configuration;
    private final ZestClient client;
    private final String producerId;

    public ZestCall(
            Exchange exchange, ZestOperation operation, ZestConfiguration configuration, ZestClient client,
            String producerId) {
        this.exchange = exchange;
        this.operation = operation;
        this.configuration = configuration;
        this.client = client;
        this.producerId = producerId;
    }

    public Exchange exchange() {
        return exchange;
    }

    public Message message() {
        return exchange.getMessage();
    }

    public String operation() {
        return operation.name();
    }

    public ZestConfiguration configuration() {
        return configuration;
    }

    public ZestClient client() {
        return client;
    }

    public ObjectMapper mapper() {
        return client.mapper();
    }

    /** A refusal of this call's input, before anything is sent. */
    public ZestApiException reject(String code, String detail) {
        return ZestApiException.rejectedBeforeSending(operation(), code, detail);
    }

    /** The header if set, else the URI option. */
    public String parameter(String header, Object option) {
        String value = message().getHeader(header, String.class);
        if (value != null && !value.isBlank()) {
            return value;
        }
        return option == null ? null : option.toString();
    }

    String requiredParameter(PathParameter parameter) throws ZestApiException {
        String value = parameter(parameter.header(), parameter.option(configuration));
        if (value == null) {
            throw reject("invalid_request", operation() + " needs " + parameter.name() + ": set the " + parameter.header()
                                            + " header or the " + parameter.name() + " option");
        }
        if (!parameter.accepts(value)) {
            // the value is not echoed: it may come from a partner's file and be anything
            throw reject("invalid_request", operation() + " was given a " + parameter.name() + " that is not a Zest "
                                            + parameter.name() + " (" + parameter.shapeDescription() + ")");
        }
        return value;
    }

    boolean sendsToken(Authentication authentication) {
        return authentication == Authentication.REQUIRED
                || authentication == Authentication.IF_CONFIGURED && client.hasCredentials();
    }

    /**
     * The Idempotency-Key of this write. A {@code CamelZestIdempotencyKey} header is consumed by this call: it is
     * removed from the message, so that the next write of the route does not resend it, and kept on the exchange for
     * this producer, so that Camel's redeliveries of this call resend it. Without the header, a key is generated once
     * for this exchange and this producer and kept the same way.
     */
    public String idempotencyKey() {
        Map<String, String> issued = issuedKeys();
        String explicit = message().getHeader(ZestConstants.IDEMPOTENCY_KEY, String.class);
        message().removeHeader(ZestConstants.IDEMPOTENCY_KEY);
        if (explicit != null && !explicit.isBlank()) {
            issued.put(producerId, explicit);
            return explicit;
        }
        return issued.computeIfAbsent(producerId, producer -> UUID.randomUUID().toString());
    }

    private Map<String, String> issuedKeys() {
        IssuedKeys issued = exchange.getProperty(ZestConstants.IDEMPOTENCY_KEYS_PROPERTY, IssuedKeys.class);
        if (issued == null || !issued.exchangeId().equals(exchange.getExchangeId())) {
            // a copy of an exchange (split, multicast, wire tap) is a new logical action: it gets keys of its own
            issued = new IssuedKeys(exchange.getExchangeId(), new ConcurrentHashMap<>());
            exchange.setProperty(ZestConstants.IDEMPOTENCY_KEYS_PROPERTY, issued);
        }
        return issued.byProducer();
    }

    /**
     * The message body as JSON. A {@code String}, {@code byte[]}, stream, reader or file is parsed; a record, map,
     * list or bean is converted. A body that can be read only once is replaced by the parsed JSON so that a
     * redelivery sends the same content. Text holding more than one JSON value is refused, never cut to its first.
     */
    public JsonNode jsonBody() throws ZestApiException {
        List<JsonNode> values = jsonBodyValues();
        if (values.size() != 1) {
            throw reject("invalid_request", operation() + " needs one JSON value, the body holds " + values.size());
        }
        return values.get(0);
    }

    /**
     * The JSON values of the body: one for a JSON document or a Java value, several for JSON Lines (one value per
     * line). A body that can be read only once is replaced by the parsed values.
     */
    public List<JsonNode> jsonBodyValues() throws ZestApiException {
        Object body = message().getBody();
        if (body == null) {
            throw reject("invalid_request", operation() + " needs a JSON body (a record, Map, List or JSON text)");
        }
        if (body instanceof JsonNode json) {
            return List.of(json);
        }
        try {
            if (body instanceof String text) {
                return readValues(mapper().createParser(text));
            }
            if (body instanceof byte[] bytes) {
                return readValues(mapper().createParser(bytes));
            }
            if (body instanceof InputStream || body instanceof Reader) {
                List<JsonNode> values = readJson();
                message().setBody(values.size() == 1 ? values.get(0) : mapper().valueToTree(values));
                return values;
            }
            if (body instanceof WrappedFile<?> || body instanceof File || body instanceof Path) {
                return readJson();
            }
            return List.of(mapper().valueToTree(body));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw reject("invalid_request", operation() + " needs a JSON body: " + firstLine(e.getMessage()));
        } catch (IOException | InvalidPayloadException e) {
            throw reject("invalid_request", operation() + " could not read its body: " + firstLine(e.getMessage()));
        }
    }

    private List<JsonNode> readJson() throws IOException, InvalidPayloadException {
        try (InputStream in = message().getMandatoryBody(InputStream.class)) {
            return readValues(mapper().createParser(in));
        }
    }

    /** Every top-level value, so that a second value is never dropped unseen (an array stays one value). */
    private List<JsonNode> readValues(JsonParser parser) throws IOException {
        try (parser) {
            List<JsonNode> values = new ArrayList<>();
            while (parser.nextToken() != null) {
                values.add(mapper().readTree(parser));
            }
            if (values.isEmpty()) {
                throw new JsonParseException(parser, "no JSON value");
            }
            return values;
        }
    }

    public byte[] toJsonBytes(Object value) throws ZestApiException {
        try {
            return mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw reject("invalid_request", "cannot write the body as JSON: " + firstLine(e.getMessage()));
        }
    }

    /** Sends the request, with the message's W3C trace context when a tracer set one. */
    public ZestResponse send(ZestRequest request) throws ZestApiException {
        return client.call(operation(), request.withHeaders(TraceContext.of(message())));
    }

    /** Sets the typed reply (or the raw text when {@code rawJson} is on) and the status header. */
    public void reply(ZestResponse response, Class<?> type) throws ZestApiException {
        Object body = configuration.isRawJson() || type == String.class || !response.isJson()
                ? response.bodyAsString()
                : read(response.body(), type);
        reply(body, response.statusCode());
    }

    public void reply(Object body, int statusCode) {
        Message message = message();
        message.setBody(body);
        message.setHeader(ZestConstants.HTTP_STATUS, statusCode);
        message.removeHeader(ZestConstants.ERROR_ID);
        message.removeHeader(ZestConstants.ERROR_CODE);
    }

    public <T> T read(byte[] json, Class<T> type) throws ZestApiException {
        try {
            return json.length == 0 ? null : mapper().readValue(json, type);
        } catch (IOException e) {
            throw ZestApiException.fromResponse(operation(), 200, "invalid_response", null,
                    "Zest's reply could not be read as " + type.getSimpleName() + ": " + firstLine(e.getMessage()), null);
        }
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** The keys generated for one exchange, per producer. */
    record IssuedKeys(String exchangeId, Map<String, String> byProducer) {
    }
}
