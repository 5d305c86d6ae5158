package dev.camelzest.component.model.event;

import java.util.Map;

/** The data of an event type this version does not know; Zest only adds, so such events are kept, not failed. */
public record UnknownEventData(Map<String, Object> fields) implements ZestEventData {
}
