-- An address a team member removed from a contact by hand (docs/privacy.md, "Correcting a contact"). The link is
-- ended, not deleted, as OFBiz ends a PartyContactMech: the CRM connector can then end it there too, identity
-- matching and the card stop using it at once (they read current links only), and a later capture that shows the
-- address again does not bring it back. Erasing the contact deletes these links with the others.
alter table party_contact_mech
    add column end_reason text check (end_reason in ('removed')),
    add column ended_by uuid references team_member (id);
