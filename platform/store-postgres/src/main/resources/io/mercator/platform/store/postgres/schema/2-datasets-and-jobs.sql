-- A first, minimal shape for the data set and job services to adopt (they may change it with a
-- later version): what was imported, and every run of a job on any node.
CREATE TABLE ${schema}.datasets (
    id          text        PRIMARY KEY,
    family      text        NOT NULL,
    name        text        NOT NULL,
    source      text        NOT NULL,
    row_count   bigint      NOT NULL CHECK (row_count >= 0),
    sha256      text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL,
    metadata    jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX datasets_by_family_newest_first ON ${schema}.datasets (family, created_at DESC, id);

CREATE TABLE ${schema}.job_runs (
    id          text        PRIMARY KEY,
    job         text        NOT NULL,
    family      text,
    dataset_id  text        REFERENCES ${schema}.datasets (id) ON DELETE SET NULL,
    model_id    text        REFERENCES ${schema}.models (id) ON DELETE SET NULL,
    node        text        NOT NULL,
    state       text        NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    queued_at   timestamptz NOT NULL,
    started_at  timestamptz,
    finished_at timestamptz,
    message     text,
    CHECK (finished_at IS NULL OR started_at IS NOT NULL)
);

CREATE INDEX job_runs_by_job_newest_first ON ${schema}.job_runs (job, queued_at DESC);
CREATE INDEX job_runs_unfinished ON ${schema}.job_runs (state) WHERE state IN ('queued', 'running');
