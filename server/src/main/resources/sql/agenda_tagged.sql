-- agenda.sql for the contacts with one tag ($6 = its key, FitScorer.key): "today's touches for the trade fair
-- contacts". The page starts from the tag's rows (party_tag_team_idx) and looks up each contact's suggestion by its
-- primary key. Written as a join, the planner preferred to read all of the team's next_touch rows and hash them
-- (costed for pages on disk: 22 ms for 86,000 rows where 980 look-ups take ~1 ms, docs/benchmarks.md section 3); the
-- LIMIT 1 (a contact has one suggestion) keeps the look-up per contact. The untagged agenda keeps its own plan.
with tagged as (
    select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by
      from party_tag t
     cross join lateral (
           select * from next_touch n
            where n.party_id = t.party_id and n.due_at < $2 and n.rule_id <> 'frequency_cap'
            limit 1) n
     where t.team_id = $1 and t.tag_key = $6),
page as (
    select * from tagged order by priority, due_at, party_id limit $3 offset $4)
select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority, page.reason,
       page.touched_by,
       (select company from current_employer_facts(page.party_id)) as company,
       (select count(*) from (select 1 from tagged limit $5) as due) as total
  from page
  join person pe on pe.party_id = page.party_id
 order by page.priority, page.due_at, page.party_id
