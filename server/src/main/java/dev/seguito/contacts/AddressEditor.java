package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.db.Transactions;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.interactions.InteractionService.ContactRef;

import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A contact's emails, phones and websites corrected by hand (docs/privacy.md, "Correcting a contact"): one removed
 * because it is wrong or no longer theirs, one added from a business card, one removed by mistake put back. Each
 * change is audited, reaches the CRM and the team's open side panels, and the next touch is worked out again.
 */
public final class AddressEditor {

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;

    public AddressEditor(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        this.pool = pool;
        this.afterChange = afterChange;
    }

    /**
     * Ends one of the contact's current addresses (docs/privacy.md, "Correcting a contact"). The link is ended, not
     * deleted: the CRM connector ends the address there too, and a later capture showing it again does not bring it
     * back to this contact. The LinkedIn URL is the contact's identity and cannot be removed this way.
     */
    public Future<Void> removeAddress(Member member, UUID partyId, ContactAddress address) {
        return Transactions.withRetry(pool, tx -> tx.preparedQuery("""
                        with contact as (
                            select id from party
                             where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON'),
                        ended as (
                            update party_contact_mech pcm set thru_date = now(), end_reason = 'removed', ended_by = $5
                              from contact_mech cm
                             where pcm.party_id in (select id from contact) and pcm.thru_date is null
                               and cm.id = pcm.contact_mech_id and cm.contact_mech_type = $3 and cm.info_string = $4
                               and pcm.purpose <> 'LINKEDIN_URL'
                            returning pcm.contact_mech_id)
                        select (select count(*) from contact) as contacts, (select count(*) from ended) as ended""")
                .execute(Tuple.of(partyId, member.teamId(), address.type(), address.value(), member.id()))
                .compose(rows -> {
                    var r = rows.iterator().next();
                    if (r.getLong("contacts") == 0) {
                        return Future.failedFuture(ApiError.notFound("No such contact in your team"));
                    }
                    if (r.getLong("ended") == 0) {
                        return Future.failedFuture(ApiError.notFound("This contact has no such " + address.label()
                                + " on file (it may have been removed already)"));
                    }
                    return AuditLog.record(tx, member, "contact.address.removed", new JsonObject()
                            .put("contactId", partyId.toString()).put("type", address.type()));
                })
                .compose(v -> EditedContact.announce(tx, member, partyId, afterChange)));
    }

    /**
     * Gives the contact an address typed by hand, or puts back one that was removed. An email or phone number that is
     * another contact's current address is refused (409, naming that contact): two records with one key are a
     * duplicate to merge, not two people. Adding an address the contact has already changes nothing.
     */
    public Future<Void> addAddress(Member member, UUID partyId, ContactAddress address) {
        return Transactions.withRetry(pool, tx -> lockIdentityKey(tx, member.teamId(), address)
                .compose(v -> otherOwner(tx, member.teamId(), partyId, address))
                .compose(owner -> {
                    if (owner != null) {
                        return Future.failedFuture(new ApiError(409, "conflict", address.value() + " is already the "
                                + address.label() + " of " + owner.name() + " in your team: merge the two contacts instead",
                                new JsonObject().put("contactId", owner.id().toString())));
                    }
                    return tx.preparedQuery("""
                                    with contact as (
                                        select id from party
                                         where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON'),
                                    mech as (
                                        insert into contact_mech (id, team_id, contact_mech_type, info_string)
                                        select $3, $2, $4, $5 where exists (select 1 from contact)
                                        on conflict (team_id, contact_mech_type, info_string) do update set info_string = excluded.info_string
                                        returning id),
                                    link as (
                                        insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose)
                                        select $2, $1, mech.id,
                                               case when $4 = 'TELECOM_NUMBER' then 'PHONE_WORK'
                                                    when $4 = 'WEB_ADDRESS' then 'PRIMARY_WEB_URL'
                                                    when exists (select 1 from party_contact_mech x
                                                                   join contact_mech y on y.id = x.contact_mech_id
                                                                  where x.party_id = $1 and x.thru_date is null
                                                                    and y.contact_mech_type = 'EMAIL_ADDRESS') then 'OTHER_EMAIL'
                                                    else 'PRIMARY_EMAIL' end
                                          from mech
                                        on conflict (party_id, contact_mech_id) do update
                                           set thru_date = null, end_reason = null, ended_by = null
                                         where party_contact_mech.thru_date is not null
                                        returning 1)
                                    select (select count(*) from contact) as contacts, (select count(*) from link) as linked""")
                            .execute(Tuple.of(partyId, member.teamId(), UUID.randomUUID(), address.type(), address.value()));
                })
                .compose(rows -> {
                    var r = rows.iterator().next();
                    if (r.getLong("contacts") == 0) {
                        return Future.failedFuture(ApiError.notFound("No such contact in your team"));
                    }
                    if (r.getLong("linked") == 0) {
                        return Future.succeededFuture(); // the contact has it already
                    }
                    return AuditLog.record(tx, member, "contact.address.added", new JsonObject()
                                    .put("contactId", partyId.toString()).put("type", address.type()))
                            .compose(v -> EditedContact.announce(tx, member, partyId, afterChange));
                }));
    }

    /** The same lock a capture takes on this key, so a capture creating its owner at this moment waits, or we do. */
    private static Future<Void> lockIdentityKey(SqlConnection tx, UUID teamId, ContactAddress address) {
        return address.identityKind() == null ? Future.succeededFuture()
                : IdentityResolver.lockAll(tx, Set.of(IdentityResolver.lockName(teamId, address.identityKind(), address.value())));
    }

    /**
     * Another active contact whose current address this is, when the address identifies a person, unless this contact
     * has it as a current address too: then there is nothing to add, and nothing to refuse.
     */
    private static Future<Owner> otherOwner(SqlConnection tx, UUID teamId, UUID partyId, ContactAddress address) {
        if (address.identityKind() == null) {
            return Future.succeededFuture(null);
        }
        return tx.preparedQuery("""
                        select pe.party_id, pe.full_name
                          from contact_mech cm
                          join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
                          join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
                          join person pe on pe.party_id = p.id
                         where cm.team_id = $1 and cm.contact_mech_type = $2 and cm.info_string = $3 and p.id <> $4
                           and not exists (select 1 from party_contact_mech own
                                            where own.party_id = $4 and own.contact_mech_id = cm.id and own.thru_date is null)
                         limit 1""")
                .execute(Tuple.of(teamId, address.type(), address.value(), partyId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Owner(r.getUUID(0), r.getString(1));
                });
    }

    private record Owner(UUID id, String name) {
    }

}
