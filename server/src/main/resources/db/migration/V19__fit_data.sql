-- What the fit score reads besides the title (docs/policies.md, "Fit score"): a company's industry and size band,
-- and a person's tags. None of them is on a LinkedIn profile page, so team members set them by hand.
--
-- Industry and size belong to the company, not to the person: set once, they count for every colleague working
-- there, today's and those captured later.
alter table party_group add column industry text;
alter table party_group add column size_band text;

-- A person's tags as the team writes them ("trade fair 2026", "warm intro"); tag_key is the form compared
-- (lower case, punctuation and spaces collapsed), so "Warm intro" and "warm-intro" are one tag.
create table party_tag (
    team_id   uuid not null references team (id),
    party_id  uuid not null references party (id),
    tag       text not null,
    tag_key   text not null,
    added_by  uuid references team_member (id),
    added_at  timestamptz not null default now(),
    primary key (party_id, tag_key)
);
create index party_tag_team_idx on party_tag (team_id, tag_key);

-- A card shows its tags (V10).
create trigger party_tag_cards_ins after insert on party_tag
    referencing new table as new_rows for each statement execute function cards_of_party_rows();
create trigger party_tag_cards_upd after update on party_tag
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_party_rows();
create trigger party_tag_cards_del after delete on party_tag
    referencing old table as old_rows for each statement execute function cards_of_party_rows();

-- A card shows its company's industry and size band too, so a change to either changes every employee's card.
create or replace function cards_of_company_update() returns trigger
    language plpgsql
as $$
begin
    perform touch_cards(with_duplicate_partners(array(
        select distinct r.party_id_to from new_rows n join old_rows o on o.party_id = n.party_id
          join party_relationship r on r.party_id_from = n.party_id and r.relationship_type = 'EMPLOYMENT'
         where n.group_name is distinct from o.group_name
            or n.industry is distinct from o.industry
            or n.size_band is distinct from o.size_band)));
    return null;
end
$$;

-- The current employer with what is known of it; like current_employment (V7) it is inlined when used in FROM.
create function current_employer_facts(person uuid)
    returns table (company_id uuid, company text, industry text, size_band text)
    language sql stable
as $$
    select g.party_id, g.group_name, g.industry, g.size_band
      from party_relationship r
      join party_group g on g.party_id = r.party_id_from
     where r.party_id_to = person and r.relationship_type = 'EMPLOYMENT' and r.thru_date is null
     order by r.from_date desc
     limit 1
$$;
