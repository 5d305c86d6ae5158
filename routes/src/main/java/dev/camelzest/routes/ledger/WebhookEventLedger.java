package dev.camelzest.routes.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code webhook_events} table: every event received once (by eventId), and whether it reached the partner's
 * systems, so that a redelivered event already delivered is not delivered again. A delivery is claimed in the table
 * before it starts ({@link #claimDelivery}), so that two instances (or an instance and a replay) never both deliver
 * one event.
 */
public final class WebhookEventLedger {

    private static final Upsert RECORD = new Upsert("""
            MERGE INTO webhook_events t
            USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE)))
                AS s (event_id, event_type, occurred_at)
            ON t.event_id = s.event_id
            WHEN NOT MATCHED THEN INSERT (event_id, event_type, occurred_at, received_at)
                VALUES (s.event_id, s.event_type, s.occurred_at, CURRENT_TIMESTAMP)
            """, """
            INSERT INTO webhook_events (event_id, event_type, occurred_at, received_at)
            VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS TIMESTAMP WITH TIME ZONE), CURRENT_TIMESTAMP)
            ON CONFLICT (event_id) DO NOTHING
            """);

    /** The delivery state of an event. */
    public record EventRecord(String eventId, String eventType, Instant occurredAt, Instant receivedAt,
            Instant deliveredAt, Instant deadLetteredAt) {

        public boolean delivered() {
            return deliveredAt != null;
        }
    }

    /** The answer to {@link #claimDelivery}. */
    public enum DeliveryClaim {
        /** This caller delivers the event, then marks it {@link #delivered} or {@link #deadLettered}. */
        CLAIMED,
        /** The event reached the partner already: not again. */
        DELIVERED_ALREADY,
        /** Another delivery of it (another instance, or a replay) is under way: try again later. */
        BEING_DELIVERED
    }

    private final Jdbc jdbc;

    public WebhookEventLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records an event the first time it is received; a repeat changes nothing. */
    public void received(String eventId, String eventType, Instant occurredAt) {
        jdbc.upsert("record event " + eventId, RECORD, eventId, eventType, Jdbc.time(occurredAt));
    }

    /**
     * Takes the right to deliver a recorded event to the partner, in one conditional update that only one caller wins
     * (the row's lock serialises concurrent ones, on PostgreSQL and H2 alike): the event must not be delivered yet,
     * nor claimed by another delivery within the lease. A claim whose delivery never ended (its instance died) is
     * taken over once the lease has passed.
     */
    public DeliveryClaim claimDelivery(String eventId, Duration lease) {
        Instant now = Instant.now();
        int claimed = jdbc.update("claim the delivery of event " + eventId,
                "UPDATE webhook_events SET delivery_claimed_at = ? WHERE event_id = ? AND delivered_at IS NULL"
                        + " AND (delivery_claimed_at IS NULL OR delivery_claimed_at < ?)",
                now, eventId, now.minus(lease));
        if (claimed == 1) {
            return DeliveryClaim.CLAIMED;
        }
        Optional<EventRecord> event = byId(eventId);
        if (event.isEmpty()) {
            throw new IllegalStateException("Cannot claim the delivery of event " + eventId + ": it was never recorded");
        }
        return event.get().delivered() ? DeliveryClaim.DELIVERED_ALREADY : DeliveryClaim.BEING_DELIVERED;
    }

    /** Marks the event delivered; false when another delivery had marked it already (it reached the partner twice). */
    public boolean delivered(String eventId) {
        return jdbc.update("mark event " + eventId + " delivered",
                "UPDATE webhook_events SET delivered_at = CURRENT_TIMESTAMP, dead_lettered_at = NULL,"
                        + " delivery_claimed_at = NULL WHERE event_id = ? AND delivered_at IS NULL", eventId) == 1;
    }

    /** Marks the event dead-lettered and ends its delivery claim, so that a replay can claim it. */
    public void deadLettered(String eventId) {
        jdbc.update("mark event " + eventId + " dead-lettered",
                "UPDATE webhook_events SET dead_lettered_at = CURRENT_TIMESTAMP, delivery_claimed_at = NULL"
                        + " WHERE event_id = ?", eventId);
    }

    public Optional<EventRecord> byId(String eventId) {
        return jdbc.queryOne("look up event " + eventId,
                "SELECT event_id, event_type, occurred_at, received_at, delivered_at, dead_lettered_at"
                        + " FROM webhook_events WHERE event_id = ?",
                row -> new EventRecord(row.getString(1), row.getString(2), Jdbc.instant(row, "occurred_at"),
                        Jdbc.instant(row, "received_at"), Jdbc.instant(row, "delivered_at"),
                        Jdbc.instant(row, "dead_lettered_at")),
                eventId);
    }

    public long count() {
        return jdbc.queryOne("count events", "SELECT COUNT(*) FROM webhook_events", row -> row.getLong(1)).orElse(0L);
    }
}
