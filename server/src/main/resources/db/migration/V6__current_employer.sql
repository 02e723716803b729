-- The company a person works for now: the newest open EMPLOYMENT relationship. One definition for every query
-- (card, agenda, next-touch facts, CRM sync) instead of the same subquery in each.
create function current_employer(person uuid) returns text
    language sql stable
as $$
    select g.group_name
      from party_relationship r
      join party_group g on g.party_id = r.party_id_from
     where r.party_id_to = person and r.relationship_type = 'EMPLOYMENT' and r.thru_date is null
     order by r.from_date desc
     limit 1
$$;
