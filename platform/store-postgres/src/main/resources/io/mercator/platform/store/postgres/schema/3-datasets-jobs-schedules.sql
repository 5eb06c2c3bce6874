-- The data set and job services adopt the database. Version 2's tables were never written by any
-- Mercator, so they are replaced rather than altered.
DROP TABLE ${schema}.job_runs;
DROP TABLE ${schema}.datasets;

-- A data set: the columns lists and queries need, and the rest of its manifest (sources, fields,
-- season length, watermark, last import report) as JSON.
CREATE TABLE ${schema}.datasets (
    id          text        PRIMARY KEY,
    family      text        NOT NULL,
    label       text        NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    row_count   bigint      NOT NULL CHECK (row_count >= 0),
    size_bytes  bigint      NOT NULL CHECK (size_bytes >= 0),
    manifest    jsonb       NOT NULL
);

CREATE INDEX datasets_newest_first ON ${schema}.datasets (created_at DESC, id);

-- Its rows: gzip-compressed CSV in chunks of at most 1 MiB; each append adds a gzip member after
-- the last chunk, so the chunks in order are one gzip stream.
CREATE TABLE ${schema}.dataset_chunks (
    dataset_id  text    NOT NULL REFERENCES ${schema}.datasets (id) ON DELETE CASCADE,
    chunk_index integer NOT NULL CHECK (chunk_index >= 0),
    bytes       bytea   NOT NULL,
    PRIMARY KEY (dataset_id, chunk_index)
);

-- Already compressed: store without trying again.
ALTER TABLE ${schema}.dataset_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;

-- Every training job of every node. Data set and model ids are kept as text without foreign keys:
-- the history outlives deleted data sets and models. cancel_requested: another node asked the
-- running node to cancel the job.
CREATE TABLE ${schema}.jobs (
    id               text             PRIMARY KEY,
    node             text             NOT NULL,
    family           text             NOT NULL,
    dataset_id       text             NOT NULL,
    strategy_spec    text             NOT NULL,
    parameters       jsonb            NOT NULL,
    trigger          text             NOT NULL,
    kind             text             NOT NULL CHECK (kind IN ('TRAINING', 'SCORING')),
    state            text             NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    progress         double precision NOT NULL CHECK (progress >= 0 AND progress <= 1),
    message          text             NOT NULL,
    submitted_at     timestamptz      NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    strategy_name    text,
    strategy_version text,
    model_id         text,
    error            text,
    cancel_requested boolean          NOT NULL DEFAULT false
);

CREATE INDEX jobs_newest_first ON ${schema}.jobs (submitted_at DESC, id);
CREATE INDEX jobs_unfinished_by_node ON ${schema}.jobs (node) WHERE state IN ('QUEUED', 'RUNNING');

-- One row per occurrence of a schedule that a node claimed: the primary key lets exactly one node
-- of those sharing the database run it.
CREATE TABLE ${schema}.schedule_runs (
    schedule   text        NOT NULL,
    occurrence timestamptz NOT NULL,
    node       text        NOT NULL,
    claimed_at timestamptz NOT NULL,
    job_id     text,
    error      text,
    PRIMARY KEY (schedule, occurrence)
);
