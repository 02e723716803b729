-- Contacts matching a name, an email or a LinkedIn slug. $1 = team id, $2 = lowercase pattern, $3 = limit, $4 = offset,
-- $5 = the pattern of the query's name key (no accents or punctuation, as person.name_key; null when it has none),
-- $6 = a tag's key (FitScorer.key) the contacts must have, or null.
select p.id, pe.full_name, pe.title, pe.linkedin_slug, count(*) over () as total
  from party p
  join person pe on pe.party_id = p.id
 where p.team_id = $1 and p.status = 'ACTIVE'
   and ($2 = '%%'
        or pe.name_key like $5
        or pe.linkedin_slug like $2
        or exists (select 1 from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
                    where pcm.party_id = p.id and pcm.thru_date is null and cm.info_string like $2))
   and ($6::text is null or exists (select 1 from party_tag t where t.party_id = p.id and t.tag_key = $6))
 order by pe.full_name, p.id
 limit $3 offset $4
