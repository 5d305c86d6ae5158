package dev.camelzest.component.model.event;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.camelzest.component.json.ZestTimestamp;
import dev.camelzest.component.model.ZestJsonRecord;

/**
 * The envelope of every webhook delivery. {@code eventId} ({@code wde_...}) identifies the event across retries and
 * is the de-duplication key; {@code occurredAt} is the only ordering Zest gives.
 * <p>
 * Written as JSON it is the webhook body again, and any ObjectMapper reads that back ({@link ZestEventDeserializer}):
 * {@code eventType} is the type information of {@code data}.
 */
@JsonDeserialize(using = ZestEventDeserializer.class)
public record ZestEvent(String eventId, String eventType, @ZestTimestamp Instant occurredAt, ZestEventData data)
        implements ZestJsonRecord {

    public Optional<ZestEventType> type() {
        return ZestEventType.fromWireName(eventType);
    }

    /** The data as the given record type, e.g. {@code event.dataAs(InvestorCreated.class)}. */
    public <T extends ZestEventData> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
