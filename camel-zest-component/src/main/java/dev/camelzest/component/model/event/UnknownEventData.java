package dev.camelzest.component.model.event;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The data of an event type this version does not know; Zest only adds, so such events are kept, not failed.
 * Written as JSON it is the data as it came.
 */
public record UnknownEventData(@JsonValue Map<String, Object> fields) implements ZestEventData {
}
