-- Who may erase a contact everywhere (the CRM included, not undoable): every member, as until now, or only the
-- team's admins. Read in the erasure's own transaction, so a change applies to the next request.
alter table team add column contact_erasure text not null default 'members'
    check (contact_erasure in ('members', 'admins'));
