package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.db.Transactions;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.parse.PhoneNormalizer;
import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import dev.seguito.team.TeamService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Edits a person makes by hand: what kind of relationship this is (client, prospect, partner …), and removing an
 * address that is wrong or no longer theirs. Each edit reaches the CRM and the team's open side panels, and the
 * contact's next touch is worked out again.
 */
public final class ContactEditor {

    static final Set<String> RELATIONSHIP_TYPES = Set.of("client", "prospect", "partner", "colleague", "other");

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;

    public ContactEditor(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        this.pool = pool;
        this.afterChange = afterChange;
    }

    public Future<Void> edit(Member member, UUID partyId, JsonObject body) {
        String type = body.getValue("relationshipType") instanceof String s ? s.trim().toLowerCase() : null;
        if (type == null || !RELATIONSHIP_TYPES.contains(type)) {
            throw ApiError.badRequest("relationshipType must be one of " + RELATIONSHIP_TYPES);
        }
        return Transactions.withRetry(pool, tx -> tx.preparedQuery("""
                        update party set relationship_type = $3, updated_at = now()
                         where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON'""")
                .execute(Tuple.of(partyId, member.teamId(), type))
                .compose(rows -> rows.rowCount() == 0
                        ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                        : Outbox.append(tx, member.teamId(), partyId, "CONTACT_UPSERT", new JsonObject().put("partyId", partyId.toString())))
                .compose(v -> changed(tx, member, partyId)));
    }

    /**
     * Ends one of the contact's current addresses (docs/privacy.md, "Correcting a contact"). The link is ended, not
     * deleted: the CRM connector ends the address there too, and a later capture showing it again does not bring it
     * back to this contact. The LinkedIn URL is the contact's identity and cannot be removed this way.
     */
    public Future<Void> removeAddress(Member member, UUID partyId, Address address) {
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
                    return TeamService.audit(tx, member, "contact.address.removed", new JsonObject()
                            .put("contactId", partyId.toString()).put("type", address.type()));
                })
                .compose(v -> Outbox.append(tx, member.teamId(), partyId, "CONTACT_UPSERT",
                        new JsonObject().put("partyId", partyId.toString())))
                .compose(v -> changed(tx, member, partyId)));
    }

    private Future<Void> changed(SqlConnection tx, Member member, UUID partyId) {
        return afterChange.apply(tx, new ContactRef(member.teamId(), partyId))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "updated", member.name()));
    }

    /**
     * An address as the card shows it: {@code type} is the stored contact-mechanism type, {@code value} the stored
     * spelling (emails in lower case, phones in E.164).
     */
    public record Address(String type, String value, String label) {

        /** From the query of {@code DELETE /contacts/{id}/addresses}: exactly one of email, phone and website. */
        public static Address of(String email, String phone, String website) {
            int given = (blank(email) ? 0 : 1) + (blank(phone) ? 0 : 1) + (blank(website) ? 0 : 1);
            if (given != 1) {
                throw ApiError.badRequest("Give exactly one of email, phone or website");
            }
            if (!blank(email)) {
                return new Address("EMAIL_ADDRESS", IdentityKeys.email(email), "email address");
            }
            if (!blank(phone)) {
                // a "+" sent unencoded in a query arrives as a space
                String number = PhoneNormalizer.normalize(phone.trim(), null);
                number = number != null ? number : PhoneNormalizer.normalize("+" + phone.trim(), null);
                if (number == null) {
                    throw ApiError.badRequest("phone is not a phone number; give it as the card shows it (+39…)");
                }
                return new Address("TELECOM_NUMBER", number, "phone number");
            }
            return new Address("WEB_ADDRESS", website.trim(), "website");
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }
}
