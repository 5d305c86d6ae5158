-- Webhook event ids shared by every replica (camel-zest's JdbcEventIdRepository, with zest.webhook.event-store=jdbc):
-- a row is a replica's claim on an event until the replica confirms it routed; a claim older than the lease is taken
-- over by the next delivery, and rows older than the retention are trimmed (hence the index on claimed_at).
-- IF NOT EXISTS: the repository creates the same table when it starts on a database without it.
CREATE TABLE IF NOT EXISTS zest_webhook_event_ids (
    processor_name  VARCHAR(255)  NOT NULL,
    event_id        VARCHAR(255)  NOT NULL,
    claimed_by      VARCHAR(255)  NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (processor_name, event_id)
);
CREATE INDEX IF NOT EXISTS zest_webhook_event_ids_claimed_at ON zest_webhook_event_ids (claimed_at);

-- When a delivery of the event to the partner started and has not ended yet: the claim that keeps a second replica
-- (or a replay) from delivering it too. Nullable and unused by older versions, so they run on beside this one.
ALTER TABLE webhook_events ADD COLUMN delivery_claimed_at TIMESTAMP WITH TIME ZONE;
