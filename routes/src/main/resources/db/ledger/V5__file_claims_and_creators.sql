-- Additive only (a replica on the previous version keeps running against this schema while the others upgrade).

-- Claims on dropped files, so that one replica of several takes each file (FileClaims). A claim is kept alive by its
-- owner's heartbeat; one whose heartbeat is older than the expiry belongs to a replica that died, and another may
-- take it over. claim_key is the SHA-256 of the source and path (file_path, for reading), so any path fits the key.
CREATE TABLE zest_file_claims (
    claim_key     VARCHAR(64)   NOT NULL PRIMARY KEY,
    file_path     VARCHAR(1024) NOT NULL,
    owner         VARCHAR(64)   NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Which import created each person (the SHA-256 of the file's name and content), so that the import of the same file
-- again, after a stop or a crash, reports the rows it created as created rather than already_exists. Empty for
-- persons recorded before this column, or learnt from a webhook.
ALTER TABLE investors ADD COLUMN created_by_file VARCHAR(64);
