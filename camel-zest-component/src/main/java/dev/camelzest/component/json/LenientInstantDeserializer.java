package dev.camelzest.component.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;

/**
 * Reads Zest timestamps. The docs show UTC with a {@code Z}; a Python backend may also send an explicit offset or a
 * naive timestamp, which Zest means as UTC. Numbers are taken as Unix seconds, as in the JWT claims.
 */
public final class LenientInstantDeserializer extends StdScalarDeserializer<Instant> {

    public LenientInstantDeserializer() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT || parser.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
            BigDecimal seconds = parser.getDecimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
        }
        String text = parser.getValueAsString();
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                return (Instant) context.handleWeirdStringValue(Instant.class, text, "not an ISO 8601 timestamp");
            }
        }
    }
}
