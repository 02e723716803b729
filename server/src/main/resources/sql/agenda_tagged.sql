-- agenda.sql for the contacts with one tag ($6 = its key, FitScorer.key): "today's touches for the trade fair
-- contacts". The tag's rows are few next to a team's suggestions, so the page starts from them (party_tag_team_idx)
-- and probes next_touch by contact; the untagged agenda keeps its own plan.
with tagged as (
    select n.party_id, n.rule_id, n.action, n.channel, n.due_at, n.priority, n.reason, n.touched_by
      from party_tag t
      join next_touch n on n.party_id = t.party_id
     where t.team_id = $1 and t.tag_key = $6
       and n.due_at < $2 and n.rule_id <> 'frequency_cap'),
page as (
    select * from tagged order by priority, due_at, party_id limit $3 offset $4)
select page.party_id, pe.full_name, page.rule_id, page.action, page.channel, page.due_at, page.priority, page.reason,
       page.touched_by,
       (select company from current_employer_facts(page.party_id)) as company,
       (select count(*) from (select 1 from tagged limit $5) as due) as total
  from page
  join person pe on pe.party_id = page.party_id
 order by page.priority, page.due_at, page.party_id
