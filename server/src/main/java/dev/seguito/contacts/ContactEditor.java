package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.db.ChangedMeanwhile;
import dev.seguito.db.Transactions;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.identity.PersonFields;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.sync.Outbox;
import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Corrections a person makes by hand: what kind of relationship this is (client, prospect, partner …), a name,
 * title or employer a capture got wrong ({@link AddressEditor} does addresses), and the tags, industry and company
 * size no page shows but the fit score reads. Each edit reaches the CRM and the
 * team's open side panels, and the contact's next touch is worked out again.
 */
public final class ContactEditor {

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;
    private final AfterChangeOfMany afterColleaguesChange;

    /** What must follow a change to several contacts of a team, in the same transaction (their next touches). */
    @FunctionalInterface
    public interface AfterChangeOfMany {
        Future<Void> apply(SqlConnection tx, UUID teamId, List<UUID> partyIds);
    }

    /**
     * @param afterChange           runs for the contact corrected
     * @param afterColleaguesChange runs for the colleagues of that contact whose employer's industry or size changed
     */
    public ContactEditor(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange,
                         AfterChangeOfMany afterColleaguesChange) {
        this.pool = pool;
        this.afterChange = afterChange;
        this.afterColleaguesChange = afterColleaguesChange;
    }

    /**
     * Applies a correction by hand ({@link ContactCorrection}); the CRM and open side panels hear of it, and the audit
     * log records which fields changed (their names, not their values).
     */
    public Future<Void> edit(Member member, UUID partyId, JsonObject body) {
        ContactCorrection correction = ContactCorrection.from(body);
        return Transactions.withRetry(pool, tx -> lockCorrectedIdentity(tx, member.teamId(), partyId, correction)
                .compose(lockedKey -> tx.preparedQuery("""
                        select id from party
                         where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON' for update""")
                .execute(Tuple.of(partyId, member.teamId()))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                        : relationshipType(tx, partyId, correction.relationshipType()))
                .compose(typeChanged -> (correction.changesPerson() || correction.company() != null
                        ? correctPerson(tx, member, partyId, correction, lockedKey) : Future.succeededFuture(List.<String>of()))
                        .map(fields -> typeChanged ? prepend("relationshipType", fields) : fields))
                .compose(fields -> ContactTags.replace(tx, member, partyId, correction.tags())
                        .map(changed -> changed ? append(fields, List.of("tags")) : fields))
                .compose(fields -> EmployerFacts.set(tx, member, partyId, correction.companyFacts())
                        .compose(changed -> colleaguesHear(tx, member, partyId, changed)
                                .map(v -> append(fields, changed.fields()))))
                .compose(fields -> fields.isEmpty() ? Future.succeededFuture()
                        : AuditLog.record(tx, member, "contact.corrected", new JsonObject()
                                .put("contactId", partyId.toString()).put("fields", new JsonArray(fields))))
                .compose(v -> EditedContact.announce(tx, member, partyId, afterChange))));
    }

    /**
     * A new name or employer locks the name + company key it gives the person, as a capture of that name at that
     * company locks it, and before any row lock, in the order captures and merges take their locks. The stored
     * names are read unlocked for that; {@link #correctPerson} checks them again under the row lock.
     */
    private static Future<String> lockCorrectedIdentity(SqlConnection tx, UUID teamId, UUID partyId, ContactCorrection c) {
        if (!c.renames() && c.company() == null) {
            return Future.succeededFuture(null);
        }
        return tx.preparedQuery("""
                        select pe.first_name, pe.last_name, pe.full_name,
                               (select company from current_employer_facts(pe.party_id)) as company
                          from person pe where pe.party_id = $1 and pe.team_id = $2""")
                .execute(Tuple.of(partyId, teamId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(null); // the row lock that follows answers 404
                    }
                    Row r = rows.iterator().next();
                    String fullName = c.fullName(r.getString("first_name"), r.getString("last_name"), r.getString("full_name"));
                    return IdentityResolver.lockNameAtCompany(tx, teamId, fullName,
                            c.company() != null ? c.company() : r.getString("company"));
                });
    }

    /**
     * An employer's industry or size is on every employee's card and in their fit scores: the CRM and the open side
     * panels hear of each colleague, and their next touches are worked out again, in this transaction.
     */
    private Future<Void> colleaguesHear(SqlConnection tx, Member member, UUID partyId, EmployerFacts.Changed changed) {
        List<UUID> colleagues = changed.employees().stream().filter(id -> !id.equals(partyId)).toList();
        if (colleagues.isEmpty()) {
            return Future.succeededFuture();
        }
        return Outbox.appendForEach(tx, member.teamId(), colleagues, "CONTACT_UPSERT")
                .compose(v -> afterColleaguesChange.apply(tx, member.teamId(), colleagues))
                .compose(v -> TeamEvents.publishEach(tx, member.teamId(), colleagues, "updated", member.name()));
    }

    private static List<String> append(List<String> fields, List<String> more) {
        if (more.isEmpty()) {
            return fields;
        }
        List<String> all = new ArrayList<>(fields);
        all.addAll(more);
        return all;
    }

    private static List<String> prepend(String field, List<String> fields) {
        List<String> all = new ArrayList<>(fields.size() + 1);
        all.add(field);
        all.addAll(fields);
        return all;
    }

    /** Whether the relationship type changed (setting the type it has is not a correction). */
    private static Future<Boolean> relationshipType(SqlConnection tx, UUID partyId, String type) {
        return type == null ? Future.succeededFuture(false)
                : tx.preparedQuery("""
                        update party set relationship_type = $2, updated_at = now()
                         where id = $1 and relationship_type is distinct from $2""")
                        .execute(Tuple.of(partyId, type)).map(rows -> rows.rowCount() > 0);
    }

    /**
     * Name and title on the person; a corrected employer re-points the current employment (or starts one), because
     * the person did not change jobs: no job change is recorded and no congratulation suggested.
     */
    private static Future<List<String>> correctPerson(SqlConnection tx, Member member, UUID partyId,
                                                      ContactCorrection c, String lockedKey) {
        return ContactStore.loadPerson(tx, partyId).compose(stored -> {
            PersonFields corrected = c.applyTo(stored.fields());
            List<String> fields = new ArrayList<>(ContactCorrection.changed(stored.fields(), corrected));
            boolean newEmployer = c.company() != null && (stored.company() == null
                    || !IdentityKeys.companyKey(stored.company()).equals(IdentityKeys.companyKey(c.company())));
            Future<Void> person = fields.isEmpty() ? Future.succeededFuture()
                    : ContactStore.updatePerson(tx, partyId, corrected, null);
            Future<Void> employer = newEmployer ? reemploy(tx, member.teamId(), partyId, c.company(), corrected.title())
                    : fields.contains("title") ? tx.preparedQuery("""
                            update party_relationship set position_title = $2
                             where party_id_to = $1 and relationship_type = 'EMPLOYMENT' and thru_date is null""")
                            .execute(Tuple.of(partyId, corrected.title())).mapEmpty()
                    : Future.succeededFuture();
            if (newEmployer) {
                fields.add("company");
            }
            boolean mayLookLikeAnother = fields.contains("fullName") || newEmployer;
            String company = newEmployer ? c.company() : stored.company();
            if (mayLookLikeAnother && !Objects.equals(lockedKey, IdentityResolver.weakKey(corrected.fullName(), company))) {
                // a capture changed her name or employer between the read and the row lock: the wrong key is locked
                return Future.failedFuture(new ChangedMeanwhile("contact " + partyId + " was renamed meanwhile"));
            }
            return person.compose(v -> employer).compose(v -> recordCorrections(tx, member, partyId, fields,
                            f -> "company".equals(f) ? c.company() : corrected.get(f),
                            f -> "company".equals(f) ? stored.company() : stored.fields().get(f)))
                    .compose(v -> mayLookLikeAnother ? askIfDuplicate(tx, member.teamId(), partyId, corrected.fullName(),
                            company) : Future.succeededFuture())
                    .map(done -> fields);
        });
    }

    /**
     * The {@code manual} provenance of each corrected field, with the value it replaced so that a stale capture does
     * not bring that back. Correcting a correction keeps what the first one replaced: a typo fixed in "VP Sales"
     * must not let the page's old title return.
     */
    private static Future<Void> recordCorrections(SqlConnection tx, Member member, UUID partyId, List<String> fields,
                                                  Function<String, Object> given, Function<String, Object> replaced) {
        if (fields.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] values = fields.stream().map(given).map(ContactEditor::text).toArray(String[]::new);
        String[] replacedValues = fields.stream().map(replaced).map(ContactEditor::text).toArray(String[]::new);
        return tx.preparedQuery("""
                        insert into field_provenance (team_id, party_id, field, value, replaced_value, source, member_id, observed_at)
                        select $1, $2, field, value, replaced_value, 'manual', $6, now()
                          from unnest($3::text[], $4::text[], $5::text[]) as c(field, value, replaced_value)
                        on conflict (party_id, field, source) do update
                           set value = excluded.value, capture_id = null, member_id = excluded.member_id,
                               observed_at = excluded.observed_at,
                               replaced_value = case when field_provenance.value is not distinct from excluded.replaced_value
                                                     then coalesce(field_provenance.replaced_value, excluded.replaced_value)
                                                     else excluded.replaced_value end""")
                .execute(Tuple.from(new Object[]{member.teamId(), partyId, fields.toArray(new String[0]), values,
                        replacedValues, member.id()}))
                .mapEmpty();
    }

    /**
     * A corrected name or employer can make the person look like someone already in the base ("G. Romano" corrected
     * to "Giulia Romano", who is there from her profile): that is asked, as a capture would ask it, never merged.
     * A pair the team already rejected stays rejected.
     */
    private static Future<Void> askIfDuplicate(SqlConnection tx, UUID teamId, UUID partyId, String fullName, String company) {
        return IdentityResolver.lookalike(tx, teamId, fullName, company, partyId)
                .compose(other -> other.isEmpty() ? Future.succeededFuture()
                        : ContactStore.possibleDuplicate(tx, teamId, partyId, other.get(), IdentityResolver.SAME_NAME_AT_SAME_COMPANY));
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Future<Void> reemploy(SqlConnection tx, UUID teamId, UUID partyId, String company, String title) {
        return ContactStore.company(tx, teamId, company).compose(companyId -> tx.preparedQuery("""
                        update party_relationship set party_id_from = $2, position_title = $3
                         where party_id_to = $1 and relationship_type = 'EMPLOYMENT' and thru_date is null""")
                .execute(Tuple.of(partyId, companyId, title))
                .compose(rows -> rows.rowCount() > 0 ? Future.succeededFuture()
                        : ContactStore.employ(tx, teamId, partyId, company, title, null, false).mapEmpty()));
    }

}
