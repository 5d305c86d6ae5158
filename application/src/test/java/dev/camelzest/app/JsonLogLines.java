package dev.camelzest.app;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The application's output in JSON log mode: every line one JSON log event. */
final class JsonLogLines {

    /** The demo's embedded stand-ins print their addresses themselves: the only plain lines allowed. */
    private static final String DEMO_LINE = "camel-zest: ";

    private JsonLogLines() {
    }

    static List<JsonNode> parse(String output) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.isBlank() || line.startsWith(DEMO_LINE)) {
                continue;
            }
            try {
                JsonNode event = mapper.readTree(line);
                if (!event.isObject() || !event.has("level") || !event.has("formattedMessage")) {
                    throw new AssertionError("not a log event: " + line);
                }
                events.add(event);
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return events;
    }
}
