-- A version number for each contact card, kept by the database itself: every committed change to anything a card
-- shows (contact_card.sql) raises the version of that card. A server process may then keep the cards it built
-- (ContactCardCache) and answer a side-panel look-up with one index probe for (id, card_version), building the card
-- again only when the version moved. Because triggers keep the number, every write path is covered, today's and
-- tomorrow's, from this process, another process or an admin's psql session.
--
-- The next touch is the exception: it is rewritten by background work (the periodic re-check, whole-team
-- recomputation) that takes no identity locks, and bumping party rows from there could deadlock with a capture that
-- holds the party and waits for the next_touch row. The look-up reads the next_touch row's xmin beside card_version
-- instead (ContactQueries), which moves with every rewrite of that row and costs one primary-key probe.
--
-- Costs are kept off the write paths: the triggers are per statement (one UPDATE for a whole import batch), and a
-- party row already written by the current transaction is not written again (its version moved with that write, or
-- the party is new and no process can have cached it).

alter table party add column card_version bigint not null default 0;

-- Any update of a party row is a new version of its card: its own columns, its status (merged, deleted) and the
-- bumps below, which all end here.
create function party_card_version_next() returns trigger
    language plpgsql
as $$
begin
    new.card_version := old.card_version + 1;
    return new;
end
$$;

create trigger party_card_version before update on party
    for each row execute function party_card_version_next();

-- Raise the card versions of these parties, once per transaction: a row whose xmin is this transaction was written
-- by it already (and so has its new version), or was inserted by it.
create function touch_cards(ids uuid[]) returns void
    language plpgsql
as $$
begin
    -- an UPDATE that touches no row still fires the statement triggers on party: never issue an empty one
    if cardinality(ids) > 0 then
        update party set card_version = card_version + 1
         where id = any (ids) and xmin <> pg_current_xact_id()::xid;
    end if;
end
$$;

-- A card lists its pending possible duplicates with their names, companies and status, so a change to one person
-- also changes the cards of the people they might be a duplicate of.
-- (PL/pgSQL rather than SQL: its plan is kept per session; a SQL function called from a trigger is planned again
-- on every call, which cost 0.2 ms per party UPDATE statement in a measured import.)
create function with_duplicate_partners(ids uuid[]) returns uuid[]
    language plpgsql stable
as $$
begin
    if cardinality(ids) = 0 then
        return ids;
    end if;
    return array(select unnest(ids)
                 union
                 select case when d.party_id_a = any (ids) then d.party_id_b else d.party_id_a end
                   from possible_duplicate d
                  where d.status = 'pending' and (d.party_id_a = any (ids) or d.party_id_b = any (ids)));
end
$$;

-- Tables whose rows name the party whose card they change, in a column party_id.
create function cards_of_party_rows() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform touch_cards(array(select distinct party_id from new_rows));
    elsif tg_op = 'UPDATE' then
        perform touch_cards(array(select party_id from new_rows union select party_id from old_rows));
    else
        perform touch_cards(array(select distinct party_id from old_rows));
    end if;
    return null;
end
$$;

create trigger field_provenance_cards_ins after insert on field_provenance
    referencing new table as new_rows for each statement execute function cards_of_party_rows();
create trigger field_provenance_cards_upd after update on field_provenance
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_party_rows();
create trigger field_provenance_cards_del after delete on field_provenance
    referencing old table as old_rows for each statement execute function cards_of_party_rows();

create trigger party_contact_mech_cards_ins after insert on party_contact_mech
    referencing new table as new_rows for each statement execute function cards_of_party_rows();
create trigger party_contact_mech_cards_upd after update on party_contact_mech
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_party_rows();
create trigger party_contact_mech_cards_del after delete on party_contact_mech
    referencing old table as old_rows for each statement execute function cards_of_party_rows();

create trigger communication_event_party_cards_ins after insert on communication_event_party
    referencing new table as new_rows for each statement execute function cards_of_party_rows();
create trigger communication_event_party_cards_upd after update on communication_event_party
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_party_rows();
create trigger communication_event_party_cards_del after delete on communication_event_party
    referencing old table as old_rows for each statement execute function cards_of_party_rows();

-- Person: the card's names, title, headline…, and the duplicate partners' cards, which show the name.
create function cards_of_person_rows() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform touch_cards(with_duplicate_partners(array(select party_id from new_rows)));
    elsif tg_op = 'UPDATE' then
        perform touch_cards(with_duplicate_partners(array(select party_id from new_rows union select party_id from old_rows)));
    else
        perform touch_cards(with_duplicate_partners(array(select party_id from old_rows)));
    end if;
    return null;
end
$$;

create trigger person_cards_ins after insert on person
    referencing new table as new_rows for each statement execute function cards_of_person_rows();
create trigger person_cards_upd after update on person
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_person_rows();
create trigger person_cards_del after delete on person
    referencing old table as old_rows for each statement execute function cards_of_person_rows();

-- Employment: the card's company (current_employment), also shown on the duplicate partners' cards.
create function cards_of_employment_rows() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform touch_cards(with_duplicate_partners(array(select party_id_to from new_rows)));
    elsif tg_op = 'UPDATE' then
        perform touch_cards(with_duplicate_partners(array(select party_id_to from new_rows
                                                           union select party_id_to from old_rows)));
    else
        perform touch_cards(with_duplicate_partners(array(select party_id_to from old_rows)));
    end if;
    return null;
end
$$;

create trigger party_relationship_cards_ins after insert on party_relationship
    referencing new table as new_rows for each statement execute function cards_of_employment_rows();
create trigger party_relationship_cards_upd after update on party_relationship
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_employment_rows();
create trigger party_relationship_cards_del after delete on party_relationship
    referencing old table as old_rows for each statement execute function cards_of_employment_rows();

-- Possible duplicates: both people's cards list the question while it is pending.
create function cards_of_duplicate_rows() returns trigger
    language plpgsql
as $$
begin
    if tg_op = 'INSERT' then
        perform touch_cards(array(select party_id_a from new_rows union select party_id_b from new_rows));
    elsif tg_op = 'UPDATE' then
        perform touch_cards(array(select party_id_a from new_rows union select party_id_b from new_rows
                                  union select party_id_a from old_rows union select party_id_b from old_rows));
    else
        perform touch_cards(array(select party_id_a from old_rows union select party_id_b from old_rows));
    end if;
    return null;
end
$$;

create trigger possible_duplicate_cards_ins after insert on possible_duplicate
    referencing new table as new_rows for each statement execute function cards_of_duplicate_rows();
create trigger possible_duplicate_cards_upd after update on possible_duplicate
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_duplicate_rows();
create trigger possible_duplicate_cards_del after delete on possible_duplicate
    referencing old table as old_rows for each statement execute function cards_of_duplicate_rows();

-- A party that stops being active (merged, deleted) drops out of its duplicate partners' cards.
create function cards_of_party_status() returns trigger
    language plpgsql
as $$
declare
    changed uuid[] := array(select n.id from new_rows n join old_rows o on o.id = n.id
                             where n.status is distinct from o.status);
begin
    -- nearly every party UPDATE (fit scores, updated_at, the bumps themselves) changes no status: stop here
    if cardinality(changed) > 0 then
        perform touch_cards(with_duplicate_partners(changed));
    end if;
    return null;
end
$$;

create trigger party_status_cards after update on party
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_party_status();

-- Rows that reach cards through another table: an address's validity or spelling (party_contact_mech), an event's
-- subject, date or author (communication_event_party), a company's name (employment), a member's name (every card
-- of the team that shows it as "by"; members are hardly ever renamed).
create function cards_of_contact_mech_update() returns trigger
    language plpgsql
as $$
begin
    perform touch_cards(array(select distinct pcm.party_id from new_rows n
                                join party_contact_mech pcm on pcm.contact_mech_id = n.id));
    return null;
end
$$;

create trigger contact_mech_cards_upd after update on contact_mech
    referencing new table as new_rows for each statement execute function cards_of_contact_mech_update();

create function cards_of_event_update() returns trigger
    language plpgsql
as $$
begin
    perform touch_cards(array(select distinct ep.party_id from new_rows n
                                join communication_event_party ep on ep.event_id = n.id));
    return null;
end
$$;

create trigger communication_event_cards_upd after update on communication_event
    referencing new table as new_rows for each statement execute function cards_of_event_update();

create function cards_of_company_update() returns trigger
    language plpgsql
as $$
begin
    perform touch_cards(with_duplicate_partners(array(
        select distinct r.party_id_to from new_rows n join old_rows o on o.party_id = n.party_id
          join party_relationship r on r.party_id_from = n.party_id and r.relationship_type = 'EMPLOYMENT'
         where n.group_name is distinct from o.group_name)));
    return null;
end
$$;

create trigger party_group_cards_upd after update on party_group
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_company_update();

create function cards_of_member_update() returns trigger
    language plpgsql
as $$
begin
    perform touch_cards(array(
        select p.id from party p
         where p.party_type = 'PERSON'
           and p.team_id in (select n.team_id from new_rows n join old_rows o on o.id = n.id
                              where n.name is distinct from o.name)));
    return null;
end
$$;

create trigger team_member_cards_upd after update on team_member
    referencing old table as old_rows new table as new_rows for each statement execute function cards_of_member_update();
