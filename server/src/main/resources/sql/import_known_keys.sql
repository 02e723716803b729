-- Which identity keys of an import batch the team already holds (NewPeopleInBulk): a row with none of them is a
-- person nobody has met. Answers keys in the form the Java side builds them.
--   $1 team id, $2 LinkedIn slugs, $3 personal emails, $4 phones (E.164),
--   $5 / $6 name key / company key pairs (same length: row i is one person's name at one company)
-- A slug counts whatever the person's status: person_linkedin_uq holds it for the whole team.
select 'linkedin:' || pe.linkedin_slug
  from person pe
 where pe.team_id = $1 and pe.linkedin_slug = any($2)
union all
-- one arm per mechanism type, so that each is a look-up in contact_mech_uq (team, type, value)
select 'email:' || cm.info_string
  from contact_mech cm
  join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
  join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
 where cm.team_id = $1 and cm.contact_mech_type = 'EMAIL_ADDRESS' and cm.info_string = any($3)
union all
select 'phone:' || cm.info_string
  from contact_mech cm
  join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
  join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
 where cm.team_id = $1 and cm.contact_mech_type = 'TELECOM_NUMBER' and cm.info_string = any($4)
union all
select 'name:' || w.name_key || '|' || w.company_key
  from unnest($5::text[], $6::text[]) as w(name_key, company_key)
 where exists (select 1
                 from person pe
                 join party p on p.id = pe.party_id and p.status = 'ACTIVE'
                 join party_relationship r on r.party_id_to = pe.party_id and r.relationship_type = 'EMPLOYMENT'
                                          and r.thru_date is null
                 join party_group g on g.party_id = r.party_id_from and g.team_id = $1 and g.name_key = w.company_key
                where pe.team_id = $1 and pe.name_key = w.name_key)
