-- A team's suggestions due before $2, most urgent first (priority, then due date). $1 = team, $3 = limit, $4 = offset.
-- Served by next_touch_agenda_idx (team_id, due_at, priority). "Hold off" rows (frequency cap) are not things to do.
select n.party_id, pe.full_name, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by,
       (select g.group_name from party_relationship r join party_group g on g.party_id = r.party_id_from
         where r.party_id_to = n.party_id and r.relationship_type = 'EMPLOYMENT' and r.thru_date is null
         order by r.from_date desc limit 1) as company,
       count(*) over () as total
  from next_touch n
  join person pe on pe.party_id = n.party_id
 where n.team_id = $1 and n.due_at < $2 and n.rule_id <> 'frequency_cap'
 order by n.priority, n.due_at, n.party_id
 limit $3 offset $4
