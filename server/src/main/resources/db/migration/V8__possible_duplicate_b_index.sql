-- The contact card asks for pending duplicate questions on either side of the pair; the primary key
-- (party_id_a, party_id_b) serves only side a, so side b was a scan of the team's whole question list on every card.
create index possible_duplicate_b_idx on possible_duplicate (party_id_b);
