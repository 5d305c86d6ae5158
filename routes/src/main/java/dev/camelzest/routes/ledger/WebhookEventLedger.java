package dev.camelzest.routes.ledger;

import java.time.Instant;
import java.util.Optional;

import javax.sql.DataSource;

/**
 * The {@code webhook_events} table: every event received once (by eventId), and whether it reached the partner's
 * systems, so that a redelivered event already delivered is not delivered again.
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

    private final Jdbc jdbc;

    public WebhookEventLedger(DataSource dataSource) {
        this.jdbc = new Jdbc(dataSource);
    }

    /** Records an event the first time it is received; a repeat changes nothing. */
    public void received(String eventId, String eventType, Instant occurredAt) {
        jdbc.upsert("record event " + eventId, RECORD, eventId, eventType, Jdbc.time(occurredAt));
    }

    public void delivered(String eventId) {
        jdbc.update("mark event " + eventId + " delivered",
                "UPDATE webhook_events SET delivered_at = CURRENT_TIMESTAMP, dead_lettered_at = NULL"
                        + " WHERE event_id = ?", eventId);
    }

    public void deadLettered(String eventId) {
        jdbc.update("mark event " + eventId + " dead-lettered",
                "UPDATE webhook_events SET dead_lettered_at = CURRENT_TIMESTAMP WHERE event_id = ?", eventId);
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
