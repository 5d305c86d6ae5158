-- The rest of the partner-side model the Zest data-flow page suggests. Every state column comes with the Zest time
-- (occurredAt) of the state it holds and a rank, so that a change is applied only when it is newer: webhooks arrive
-- out of order and more than once, and must never move a record backwards.

-- SPV requests, keyed by Zest's slug; local_id is the partner's intent id (the request file's localId), absent for
-- requests the ledger learns about from a webhook only. The materialised refs are the SPV Zest created on approval.
CREATE TABLE spv_requests (
    slug              VARCHAR(255)  NOT NULL PRIMARY KEY,
    local_id          VARCHAR(255)  UNIQUE,
    template_id       VARCHAR(255),
    template_version  VARCHAR(64),
    status            VARCHAR(32)   NOT NULL,
    status_rank       INTEGER       NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE,
    opportunity_slug  VARCHAR(255),
    vehicle_slug      VARCHAR(255),
    sp_slug           VARCHAR(255),
    spc_slug          VARCHAR(255),
    rejection_reason  VARCHAR(4000),
    source_file       VARCHAR(1024),
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX spv_requests_status ON spv_requests (status);
CREATE INDEX spv_requests_vehicle_slug ON spv_requests (vehicle_slug);

-- Subscriptions, keyed by Zest's slug. status is the latest lifecycle step seen (pending, form_uploaded,
-- funding_uploaded, completed); the step times are facts kept whatever order their events came in.
CREATE TABLE subscriptions (
    subscription_slug        VARCHAR(255)  NOT NULL PRIMARY KEY,
    partner_subscription_id  VARCHAR(255),
    partner_investor_id      VARCHAR(255),
    person_id                VARCHAR(255)  NOT NULL,
    spv_slug                 VARCHAR(255)  NOT NULL,
    share_class_slug         VARCHAR(255),
    currency                 VARCHAR(3),
    amount                   VARCHAR(64),
    status                   VARCHAR(32)   NOT NULL,
    status_rank              INTEGER       NOT NULL,
    occurred_at              TIMESTAMP WITH TIME ZONE,
    form_uploaded_at         TIMESTAMP WITH TIME ZONE,
    funding_uploaded_at      TIMESTAMP WITH TIME ZONE,
    completed_at             TIMESTAMP WITH TIME ZONE,
    source_file              VARCHAR(1024),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX subscriptions_spv_person ON subscriptions (spv_slug, person_id);
CREATE INDEX subscriptions_partner_subscription_id ON subscriptions (partner_subscription_id);

-- Every webhook event received (de-duplication and audit), and whether it reached the partner's systems.
CREATE TABLE webhook_events (
    event_id          VARCHAR(255)  NOT NULL PRIMARY KEY,
    event_type        VARCHAR(255)  NOT NULL,
    occurred_at       TIMESTAMP WITH TIME ZONE,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at      TIMESTAMP WITH TIME ZONE,
    dead_lettered_at  TIMESTAMP WITH TIME ZONE
);
