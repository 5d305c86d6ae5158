package dev.camelzest.routes.events;

import java.util.regex.Pattern;

/**
 * An event whose eventId or eventType is not of a safe shape. Both become headers that targets use in file names
 * and endpoint options ({@code fileName=${header.CamelZestEventType}--${header.CamelZestEventId}.json}), and the
 * eventId names the dead letter, so they are checked before anything is recorded or sent. Zest's ids are
 * {@code wde_} and 16 hex digits; the check is on the characters rather than on that format, so that an id or a
 * type this version does not know yet still flows, while nothing that could be a path or an option gets through.
 */
public class InvalidEventException extends IllegalArgumentException {

    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern EVENT_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,40}(\\.[a-z][a-z0-9_]{0,40}){0,3}");

    public InvalidEventException(String message) {
        super(message);
    }

    /** Checks an event's id and type, answering nothing when both are safe. */
    static void check(String eventId, String eventType) {
        if (eventId == null || eventType == null) {
            throw new InvalidEventException("A Zest event needs an eventId and an eventType");
        }
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new InvalidEventException("eventId: letters, digits, '_' and '-' only (at most 64), such as"
                    + " wde_2c5d6b3e9f1a4d7c");
        }
        if (!EVENT_TYPE.matcher(eventType).matches()) {
            throw new InvalidEventException("eventType: lower-case words joined by '.', such as"
                    + " subscription.created");
        }
    }
}
