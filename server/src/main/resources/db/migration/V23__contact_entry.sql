-- A contact typed in by hand (a business card, someone met at an event): POST /api/v1/contacts. The key makes a
-- retried submit answer what the first one did instead of adding the person, or the meeting, a second time.
-- party_id is set in the same transaction as the claim of the key; payload_hash is cleared when the contact is
-- erased (nothing of the person stays, and a late retry answers 410 because the party is gone).
create table contact_entry (
    team_id          uuid not null references team (id),
    idempotency_key  text not null,
    payload_hash     bytea,
    member_id        uuid not null references team_member (id),
    party_id         uuid references party (id),
    match_status     text,
    meeting_id       uuid references communication_event (id) on delete set null,
    created_at       timestamptz not null default now(),
    primary key (team_id, idempotency_key)
);
create index contact_entry_party_idx on contact_entry (party_id);
-- an erased interaction sets meeting_id null: without this index each such delete would scan every entry
create index contact_entry_meeting_idx on contact_entry (meeting_id) where meeting_id is not null;
