-- The partner-side investor mapping: partnerInvestorId (the partner's stable key) -> Zest's person id.
-- Later routes resolve investors through it, so a person is never created twice from the partner side.
CREATE TABLE investors (
    partner_investor_id VARCHAR(255)  NOT NULL PRIMARY KEY,
    zest_person_id      VARCHAR(255)  NOT NULL,
    email               VARCHAR(320),
    first_name          VARCHAR(255),
    last_name           VARCHAR(255),
    source_file         VARCHAR(1024),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX investors_zest_person_id ON investors (zest_person_id);
