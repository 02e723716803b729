-- agenda_tagged.sql for a tag many of the team's contacts have ($6 = its key; NextTouchService.BROAD_TAG or more):
-- "the warm intros". Looking up every tagged contact's suggestion and sorting them costs as many look-ups as the tag
-- has contacts (10,000 on a tenth of a 100,000-contact team, docs/benchmarks.md section 3); here the page is read in
-- rank order from next_touch_rank_idx, as the untagged agenda reads it, and each row's tag is probed on party_tag's
-- primary key, which stops after limit + offset tagged rows (about ten rank rows per page row when a tenth of the team
-- has the tag). The count stops at $5 as agenda.sql's does, counted from the tag's rows.
with page as (
    select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by
      from next_touch n
     where n.team_id = $1 and n.due_at < $2 and n.rule_id <> 'frequency_cap'
       and exists (select 1 from party_tag t where t.party_id = n.party_id and t.tag_key = $6)
     order by n.priority, n.due_at, n.party_id
     limit $3 offset $4)
select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority, page.reason,
       page.touched_by,
       (select company from current_employer_facts(page.party_id)) as company,
       (select count(*) from (select 1 from party_tag t
                               cross join lateral (
                                     select 1 from next_touch n
                                      where n.party_id = t.party_id and n.due_at < $2 and n.rule_id <> 'frequency_cap'
                                      limit 1) due
                               where t.team_id = $1 and t.tag_key = $6
                               limit $5) as due) as total
  from page
  join person pe on pe.party_id = page.party_id
 order by page.priority, page.due_at, page.party_id
