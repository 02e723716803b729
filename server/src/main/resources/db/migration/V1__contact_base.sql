-- Seguito's contact base, shaped after the OFBiz party model so every row maps 1:1 into the CRM
-- (docs/crm-mapping.md). Every row carries team_id: it isolates teams and is the natural shard key.

create table team (
    id          uuid primary key,
    name        text not null,
    policy      jsonb not null default '{}'::jsonb,
    created_at  timestamptz not null default now()
);

create table team_member (
    id          uuid primary key,
    team_id     uuid not null references team (id),
    name        text not null,
    email       text not null,
    role        text not null check (role in ('admin', 'member')),
    created_at  timestamptz not null default now()
);
create unique index team_member_email_uq on team_member (team_id, lower(email));

-- Pairing codes and access tokens: only an HMAC of the secret is stored.
create table api_token (
    id            uuid primary key,
    team_id       uuid not null references team (id),
    member_id     uuid not null references team_member (id),
    kind          text not null check (kind in ('pairing', 'access')),
    token_hash    bytea not null unique,
    device_name   text,
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    used_at       timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_token_member_idx on api_token (team_id, member_id);

create table party (
    id                 uuid primary key,
    team_id            uuid not null references team (id),
    party_type         text not null check (party_type in ('PERSON', 'PARTY_GROUP')),
    status             text not null default 'ACTIVE' check (status in ('ACTIVE', 'MERGED', 'DELETED')),
    merged_into        uuid references party (id),
    relationship_type  text not null default 'prospect',
    fit_score          real,
    created_by         uuid references team_member (id),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index party_team_idx on party (team_id, party_type, status);

create table person (
    party_id           uuid primary key references party (id),
    team_id            uuid not null,
    first_name         text,
    last_name          text,
    full_name          text not null,
    name_key           text not null,
    headline           text,
    title              text,
    location           text,
    about              text,
    photo_url          text,
    linkedin_slug      text,
    connection_degree  smallint
);
create unique index person_linkedin_uq on person (team_id, linkedin_slug) where linkedin_slug is not null;
create index person_name_idx on person (team_id, name_key);

create table party_group (
    party_id    uuid primary key references party (id),
    team_id     uuid not null,
    group_name  text not null,
    name_key    text not null
);
create unique index party_group_name_uq on party_group (team_id, name_key);

create table contact_mech (
    id                 uuid primary key,
    team_id            uuid not null references team (id),
    contact_mech_type  text not null check (contact_mech_type in ('EMAIL_ADDRESS', 'TELECOM_NUMBER', 'WEB_ADDRESS')),
    info_string        text not null,
    valid              boolean not null default true,
    invalid_reason     text,
    invalid_since      timestamptz
);
create unique index contact_mech_uq on contact_mech (team_id, contact_mech_type, info_string);

create table party_contact_mech (
    team_id          uuid not null,
    party_id         uuid not null references party (id),
    contact_mech_id  uuid not null references contact_mech (id),
    purpose          text not null,
    from_date        timestamptz not null default now(),
    thru_date        timestamptz,
    primary key (party_id, contact_mech_id)
);
create index party_contact_mech_mech_idx on party_contact_mech (contact_mech_id);

-- EMPLOYMENT from the company (role ACCOUNT) to the person; a job change closes the old row with thru_date.
create table party_relationship (
    id                 uuid primary key,
    team_id            uuid not null,
    party_id_from      uuid not null references party (id),
    party_id_to        uuid not null references party (id),
    relationship_type  text not null default 'EMPLOYMENT',
    position_title     text,
    from_date          timestamptz not null default now(),
    thru_date          timestamptz
);
create index party_relationship_to_idx on party_relationship (party_id_to, thru_date);

create table capture (
    id               uuid primary key,
    team_id          uuid not null references team (id),
    member_id        uuid not null references team_member (id),
    source           text not null,
    page_url         text,
    idempotency_key  text not null,
    payload_hash     bytea not null,
    raw              text,
    captured_at      timestamptz,
    received_at      timestamptz not null default now(),
    parse_status     text not null default 'pending',
    parse_error      text,
    response         jsonb,
    primary_party_id uuid references party (id),
    purged_at        timestamptz
);
create unique index capture_idempotency_uq on capture (team_id, idempotency_key);
create index capture_received_idx on capture (received_at) where raw is not null;

-- Which source said what, when and through whom: shown on the card and used to prefer fresher, stronger values.
create table field_provenance (
    team_id      uuid not null,
    party_id     uuid not null references party (id),
    field        text not null,
    value        text,
    source       text not null,
    capture_id   uuid references capture (id),
    member_id    uuid references team_member (id),
    observed_at  timestamptz not null default now(),
    primary key (party_id, field, source)
);

create table communication_event (
    id           uuid primary key,
    team_id      uuid not null references team (id),
    event_type   text not null,
    direction    text not null check (direction in ('INBOUND', 'OUTBOUND', 'NONE')),
    member_id    uuid references team_member (id),
    subject      text,
    note         text,
    message_id   text,
    started_at   timestamptz not null,
    capture_id   uuid references capture (id),
    created_at   timestamptz not null default now()
);
create unique index communication_event_message_uq on communication_event (team_id, message_id) where message_id is not null;

-- The contacts an event involves (an email has a sender and several recipients; a meeting several people).
create table communication_event_party (
    event_id   uuid not null references communication_event (id) on delete cascade,
    party_id   uuid not null references party (id),
    team_id    uuid not null,
    role       text not null check (role in ('FROM', 'TO', 'CC', 'PARTICIPANT')),
    primary key (event_id, party_id)
);
create index communication_event_party_party_idx on communication_event_party (party_id);

create table possible_duplicate (
    team_id     uuid not null,
    party_id_a  uuid not null references party (id),
    party_id_b  uuid not null references party (id),
    reason      text not null,
    status      text not null default 'pending' check (status in ('pending', 'confirmed', 'rejected')),
    created_at  timestamptz not null default now(),
    decided_by  uuid references team_member (id),
    primary key (party_id_a, party_id_b)
);

create table next_touch (
    party_id      uuid primary key references party (id),
    team_id       uuid not null,
    rule_id       text not null,
    action        text not null,
    channel       text not null,
    due_at        timestamptz not null,
    priority      smallint not null,
    reason        text not null,
    evidence_key  text,
    touched_by    text,
    computed_at   timestamptz not null default now()
);
create index next_touch_agenda_idx on next_touch (team_id, due_at, priority);

create table touch_mark (
    id            uuid primary key,
    team_id       uuid not null,
    party_id      uuid not null references party (id),
    kind          text not null check (kind in ('done', 'snooze', 'dismiss')),
    rule_id       text not null,
    evidence_key  text,
    until         timestamptz,
    member_id     uuid references team_member (id),
    created_at    timestamptz not null default now()
);
create index touch_mark_party_idx on touch_mark (party_id);

-- Transactional outbox for the CRM connector: written in the same transaction as the change it describes.
create table outbox (
    id            bigserial primary key,
    team_id       uuid not null,
    aggregate_id  uuid not null,
    kind          text not null,
    payload       jsonb not null,
    created_at    timestamptz not null default now(),
    available_at  timestamptz not null default now(),
    attempts      integer not null default 0,
    last_error    text,
    delivered_at  timestamptz,
    dead_at       timestamptz
);
create index outbox_pending_idx on outbox (available_at, id) where delivered_at is null and dead_at is null;
create index outbox_aggregate_idx on outbox (aggregate_id, id) where delivered_at is null and dead_at is null;

create table audit_log (
    id         bigserial primary key,
    team_id    uuid not null,
    member_id  uuid,
    action     text not null,
    detail     jsonb not null default '{}'::jsonb,
    at         timestamptz not null default now()
);

create table server_setting (
    name   text primary key,
    value  text not null
);
