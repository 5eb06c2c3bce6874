-- Trained models: one row per model with what ModelStore/StoredModel know about it, and its bytes in
-- chunks of at most 1 MiB (bytea rows rather than large objects: they are deleted with their model,
-- copied by ordinary dumps and replication, and need no lo_unlink or vacuumlo).
CREATE TABLE ${schema}.models (
    id               text        PRIMARY KEY,
    family           text        NOT NULL,
    strategy_name    text        NOT NULL,
    strategy_version text        NOT NULL,
    created_at       timestamptz NOT NULL,
    size_bytes       bigint      NOT NULL CHECK (size_bytes >= 0),
    sha256           text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    metadata         jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX models_by_family_newest_first ON ${schema}.models (family, created_at DESC, id);

CREATE TABLE ${schema}.model_chunks (
    model_id    text    NOT NULL REFERENCES ${schema}.models (id) ON DELETE CASCADE,
    chunk_index integer NOT NULL CHECK (chunk_index >= 0),
    bytes       bytea   NOT NULL,
    PRIMARY KEY (model_id, chunk_index)
);

-- Model bytes are mostly binary numbers that compress poorly: store them without trying.
ALTER TABLE ${schema}.model_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
