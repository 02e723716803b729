-- A company as the side panel shows it on its LinkedIn page: its facts, which of them a member set by hand, and the
-- team's contacts who work there now (at most 20, by name; erased and merged-away people left out).
-- $1 team, $2 company id (or null), $3 LinkedIn slug (or null).
with company as (
    select g.party_id, g.group_name, g.linkedin_slug, g.industry, g.size_band, g.industry_by_hand, g.size_band_by_hand
      from party_group g
     where g.team_id = $1 and (g.party_id = $2 or g.linkedin_slug = $3)
     limit 1
), employees as (
    select pe.party_id, pe.full_name, r.position_title
      from company c
      join party_relationship r on r.party_id_from = c.party_id and r.relationship_type = 'EMPLOYMENT'
                               and r.thru_date is null
      join party p on p.id = r.party_id_to and p.status = 'ACTIVE'
      join person pe on pe.party_id = r.party_id_to
)
select c.*,
       (select count(*) from employees) as employee_count,
       (select coalesce(json_agg(json_build_object('id', e.party_id, 'fullName', e.full_name, 'title', e.position_title)
                                 order by e.full_name, e.party_id), '[]'::json)
          from (select * from employees order by full_name, party_id limit 20) e) as employees
  from company c
