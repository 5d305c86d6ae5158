package dev.camelzest.routes.filedrop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Zest's reply to a call as the component's typed record. The component hands the record itself; a reply as JSON
 * text, bytes, a {@code Map} or another record (a route with {@code rawJson}, a test double) is read into it.
 */
public final class Replies {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Replies() {
    }

    public static <T> T typed(Object body, Class<T> type) {
        try {
            if (type.isInstance(body)) {
                return type.cast(body);
            }
            if (body instanceof String text) {
                return MAPPER.readValue(text, type);
            }
            if (body instanceof byte[] bytes) {
                return MAPPER.readValue(bytes, type);
            }
            if (body instanceof InputStream in) {
                return MAPPER.readValue(in, type);
            }
            return MAPPER.convertValue(body, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Zest's reply is not JSON of a " + type.getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Zest's reply is not a " + type.getSimpleName(), e);
        }
    }
}
