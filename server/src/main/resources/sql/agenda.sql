-- A team's suggestions due before $2, most urgent first (priority, then due date). $1 = team, $3 = limit, $4 = offset,
-- $5 = where the count stops. The page is read in rank order from next_touch_rank_idx and stops after limit + offset
-- rows; the total is an index-only count on next_touch_agenda_idx that stops at $5 rows (counting all of 54,000 due
-- suggestions on every page cost more than the page itself); names and employers are looked up for the page's rows
-- only.
-- "Hold off" rows (rule frequency_cap: a colleague touched the person recently) are not things to do.
with page as (
    select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by
      from next_touch n
     where n.team_id = $1 and n.due_at < $2 and n.rule_id <> 'frequency_cap'
     order by n.priority, n.due_at, n.party_id
     limit $3 offset $4)
select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority, page.reason,
       page.touched_by,
       (select company from current_employer_facts(page.party_id)) as company,
       (select count(*) from (select 1 from next_touch c
                               where c.team_id = $1 and c.due_at < $2 and c.rule_id <> 'frequency_cap'
                               limit $5) as due) as total
  from page
  join person pe on pe.party_id = page.party_id
 order by page.priority, page.due_at, page.party_id
