-- A job change seen in a LinkedIn capture: the old employment is closed (thru_date) and this row lets the
-- next-touch engine suggest congratulating the person until someone does.
create table job_change (
    id           uuid primary key,
    team_id      uuid not null,
    party_id     uuid not null references party (id),
    old_company  text,
    new_company  text not null,
    detected_at  timestamptz not null default now()
);
create index job_change_party_idx on job_change (party_id, detected_at desc);

alter table capture add column reparsed_at timestamptz;
