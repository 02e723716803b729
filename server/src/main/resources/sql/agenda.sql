-- A team's suggestions due before $2, most urgent first (priority, then due date). $1 = team, $3 = limit, $4 = offset.
-- The page is chosen on next_touch alone (next_touch_agenda_idx (team_id, due_at, priority)); names and employers are
-- looked up for the page's rows only, not for every due suggestion (docs/benchmarks.md: 50,000 due per team).
with page as (
    select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by,
           count(*) over () as total
      from next_touch n
     where n.team_id = $1 and n.due_at < $2
     order by n.priority, n.due_at, n.party_id
     limit $3 offset $4)
select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority, page.reason,
       page.touched_by,
       (select g.group_name from party_relationship r join party_group g on g.party_id = r.party_id_from
         where r.party_id_to = page.party_id and r.relationship_type = 'EMPLOYMENT' and r.thru_date is null
         order by r.from_date desc limit 1) as company,
       page.total
  from page
  join person pe on pe.party_id = page.party_id
 order by page.priority, page.due_at, page.party_id
