-- Bulk imports (LinkedIn's Connections.csv, vCard files). The file is kept with the job so that an import cut short
-- by a restart resumes where it stopped; each batch of rows commits together with its import_batch row, so a batch
-- is applied exactly once even when two server processes resume the same job.
create table import_job (
    id               uuid primary key,
    team_id          uuid not null references team (id),
    member_id        uuid not null references team_member (id),
    format           text not null check (format in ('linkedin_csv', 'vcard')),
    idempotency_key  text not null,
    content          text,
    total            integer not null default 0,
    batches          integer not null default 0,
    created          integer not null default 0,
    matched          integer not null default 0,
    updated          integer not null default 0,
    duplicates       integer not null default 0,
    failed           integer not null default 0,
    errors           jsonb not null default '[]'::jsonb,
    status           text not null default 'running' check (status in ('running', 'done')),
    created_at       timestamptz not null default now(),
    finished_at      timestamptz
);
create unique index import_job_key_uq on import_job (team_id, idempotency_key);

create table import_batch (
    import_id  uuid not null references import_job (id) on delete cascade,
    team_id    uuid not null,
    batch_no   integer not null,
    primary key (import_id, batch_no)
);
