package dev.camelzest.component.model.event;

import java.time.Instant;
import java.util.Optional;

/**
 * The envelope of every webhook delivery. {@code eventId} ({@code wde_...}) identifies the event across retries and
 * is the de-duplication key; {@code occurredAt} is the only ordering Zest gives.
 */
public record ZestEvent(String eventId, String eventType, Instant occurredAt, ZestEventData data) {

    public Optional<ZestEventType> type() {
        return ZestEventType.fromWireName(eventType);
    }

    /** The data as the given record type, e.g. {@code event.dataAs(InvestorCreated.class)}. */
    public <T extends ZestEventData> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
