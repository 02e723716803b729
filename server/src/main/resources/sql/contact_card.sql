-- One contact card in one round trip: the person, current employer (with its industry and size), tags, contact
-- mechanisms, sources, the five newest
-- interactions, the current next touch and pending duplicate questions. $1 = party id, $2 = team id.
-- card_version and next_touch_version identify this state of the card (V10, ContactCardCache): they are read in the
-- same statement as the card, so a kept card and its version always agree.
select p.id, p.card_version,
       (select nt.xmin::text::bigint from next_touch nt where nt.party_id = p.id) as next_touch_version,
       p.relationship_type, p.fit_score, p.created_at, p.updated_at,
       pe.first_name, pe.last_name, pe.full_name, pe.headline, pe.title, pe.location, pe.about, pe.photo_url,
       pe.linkedin_slug, pe.connection_degree,
       emp.company, emp.industry, emp.size_band,
       (select coalesce(json_agg(t.tag order by t.tag_key), '[]'::json) from party_tag t where t.party_id = p.id) as tags,
       (select coalesce(json_agg(json_build_object('type', cm.contact_mech_type, 'value', cm.info_string,
                                                   'valid', cm.valid, 'purpose', pcm.purpose)
                                 order by pcm.from_date, cm.info_string), '[]'::json)
          from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
         where pcm.party_id = p.id and pcm.thru_date is null) as mechs,
       (select coalesce(json_agg(s order by s."capturedAt" desc), '[]'::json)
          from (select fp.source, max(fp.observed_at) as "capturedAt", string_agg(distinct m.name, ', ') as by
                  from field_provenance fp left join team_member m on m.id = fp.member_id
                 where fp.party_id = p.id
                 group by fp.source) s) as sources,
       (select coalesce(json_agg(t), '[]'::json)
          from (select e.id, e.event_type as type, e.direction, e.started_at as "occurredAt", e.subject,
                       left(e.note, 280) as note, m.name as by
                  from communication_event_party ep
                  join communication_event e on e.id = ep.event_id
                  left join team_member m on m.id = e.member_id
                 where ep.party_id = p.id
                 order by e.started_at desc limit 5) t) as timeline,
       (select row_to_json(n)
          from (select rule_id as rule, action, channel, due_at as "dueAt", priority, reason,
                       touched_by as "touchedBy"
                  from next_touch where party_id = p.id) n) as next_touch,
       (select coalesce(json_agg(json_build_object('id', o.party_id, 'displayName', o.full_name, 'reason', d.reason,
                  'company', (select company from current_employer_facts(o.party_id)))), '[]'::json)
          from possible_duplicate d
          join person o on o.party_id = case when d.party_id_a = p.id then d.party_id_b else d.party_id_a end
          join party op on op.id = o.party_id and op.status = 'ACTIVE'
         where (d.party_id_a = p.id or d.party_id_b = p.id) and d.status = 'pending') as duplicates
  from party p
  join person pe on pe.party_id = p.id
  left join lateral current_employer_facts(p.id) emp on true
 where p.id = $1 and p.team_id = $2 and p.status = 'ACTIVE'
