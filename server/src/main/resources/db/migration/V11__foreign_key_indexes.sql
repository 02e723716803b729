-- Indexes for foreign keys the server follows from the referenced side. Found by the capture benchmark on a base of
-- 50,000 contacts (docs/benchmarks.md, section 2): the CRM record of a contact names the capture it first came from
-- (SyncRecordLoader), and with no index on capture.primary_party_id every CRM delivery read the whole capture table.
-- Erasing a contact also finds its captures, the people merged into it and its relationships from either side, and
-- renaming a company re-versions the cards of its employees (V10): all of these followed a key without an index.
create index capture_primary_party_idx on capture (primary_party_id, received_at);
create index party_relationship_from_idx on party_relationship (party_id_from);
create index party_merged_into_idx on party (merged_into) where merged_into is not null;
