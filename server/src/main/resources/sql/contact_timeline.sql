-- A contact's interactions, newest first. $1 = party id, $2 = team id, $3 = limit, $4 = offset.
select e.id, e.event_type, e.direction, e.started_at, e.subject, e.note, m.name as member_name
  from communication_event_party ep
  join communication_event e on e.id = ep.event_id
  left join team_member m on m.id = e.member_id
 where ep.party_id = $1 and ep.team_id = $2
 order by e.started_at desc, e.id
 limit $3 offset $4
