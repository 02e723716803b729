-- current_employer() (V6) as a set-returning SQL function. A scalar SQL function whose body has a FROM clause is
-- never inlined: PostgreSQL planned its body again on every call, which cost ~0.25 ms per call (measured: the
-- contact card went from ~0.3 ms to ~0.6 ms; the agenda and next-touch reads call it once per row). A STABLE SQL
-- function returning a table is inlined into the calling query when it is used in FROM, so callers write
--   (select company from current_employment(p.id))
-- and get the plain sub-select plan, with the definition still in one place.
create function current_employment(person uuid) returns table (company text)
    language sql stable
as $$
    select g.group_name
      from party_relationship r
      join party_group g on g.party_id = r.party_id_from
     where r.party_id_to = person and r.relationship_type = 'EMPLOYMENT' and r.thru_date is null
     order by r.from_date desc
     limit 1
$$;

drop function current_employer(uuid);
