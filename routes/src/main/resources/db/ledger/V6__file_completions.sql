-- Additive only (a replica on the previous version keeps running against this schema while the others upgrade).

-- Dropped files whose every row was recorded, written here before their results are published (FileCompletions), so
-- that a replica taking over a file whose importer died between publishing and moving it does not import it again:
-- it finds the results under the names recorded here and only moves the input. import_id is the file's name and
-- content (the key its Idempotency-Keys and investors.created_by_file derive from), source_key the SHA-256 of the
-- directory it was dropped in (source, for reading). moved_at is set once the input was moved: a later drop of the
-- same file is a new import. Rows moved more than a day ago are deleted.
CREATE TABLE zest_file_completions (
    import_id     VARCHAR(64)   NOT NULL,
    source_key    VARCHAR(64)   NOT NULL,
    source        VARCHAR(1024) NOT NULL,
    file_name     VARCHAR(1024) NOT NULL,
    results_name  VARCHAR(1024) NOT NULL,
    errors_name   VARCHAR(1024) NOT NULL,
    summary_name  VARCHAR(1024) NOT NULL,
    completed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    moved_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (import_id, source_key)
);
CREATE INDEX zest_file_completions_moved_at ON zest_file_completions (moved_at);
