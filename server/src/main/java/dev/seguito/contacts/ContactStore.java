package dev.seguito.contacts;

import dev.seguito.db.ChangedMeanwhile;
import dev.seguito.identity.Correction;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.PersonFields;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Write side of the contact base, one statement per method, always inside the caller's transaction: people,
 * their contact mechanisms, employment and where each value came from.
 */
public final class ContactStore {

    private ContactStore() {
    }

    /** Creates the party and its person in one statement: one round trip, not two. */
    public static Future<UUID> createPerson(SqlClient tx, UUID teamId, UUID memberId, PersonFields f, String linkedinSlug) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                        with new_party as (
                            insert into party (id, team_id, party_type, created_by) values ($1, $2, 'PERSON', $3)
                            returning id)
                        insert into person (party_id, team_id, first_name, last_name, full_name, name_key, headline,
                                            title, location, about, photo_url, linkedin_slug, connection_degree)
                        select id, $2, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14 from new_party""")
                .execute(Tuple.from(new Object[]{id, teamId, memberId, f.firstName(), f.lastName(), f.fullName(),
                        IdentityKeys.nameKey(f.fullName()), f.headline(), f.title(), f.location(), f.about(),
                        f.photoUrl(), linkedinSlug, f.connectionDegree() == null ? null : f.connectionDegree().shortValue()}))
                .map(id);
    }

    public static Future<Void> updatePerson(SqlClient tx, UUID partyId, PersonFields f, String linkedinSlug) {
        Future<?> person = tx.preparedQuery("""
                        update person set first_name = $2, last_name = $3, full_name = $4, name_key = $5, headline = $6,
                               title = $7, location = $8, about = $9, photo_url = $10,
                               linkedin_slug = coalesce(linkedin_slug, $11), connection_degree = $12
                         where party_id = $1""")
                .execute(Tuple.from(new Object[]{partyId, f.firstName(), f.lastName(), f.fullName(),
                        IdentityKeys.nameKey(f.fullName()), f.headline(), f.title(), f.location(), f.about(),
                        f.photoUrl(), linkedinSlug, f.connectionDegree() == null ? null : f.connectionDegree().shortValue()}));
        // sent together with the party's time stamp: neither waits for the other
        return Future.all(person, touch(tx, partyId)).mapEmpty();
    }

    public static Future<Void> touch(SqlClient tx, UUID partyId) {
        return tx.preparedQuery("update party set updated_at = now() where id = $1").execute(Tuple.of(partyId)).mapEmpty();
    }

    /**
     * The stored person, locked for the caller's transaction. The party row is locked first, in its own statement,
     * the way every other writer (corrections, merges, erasures, logged touches) locks it, and only while the record
     * is still active: a capture that found this record just before a colleague merged it away or erased it fails
     * with {@link ChangedMeanwhile} and runs again, instead of writing to a record nobody sees any more. The read is
     * pipelined behind the lock, so it costs no round trip and its snapshot is taken after the lock is held.
     */
    public static Future<StoredPerson> loadPerson(SqlClient tx, UUID partyId) {
        Future<RowSet<Row>> locked = tx.preparedQuery("select 1 from party where id = $1 and status = 'ACTIVE' for update")
                .execute(Tuple.of(partyId));
        Future<RowSet<Row>> read = tx.preparedQuery("""
                        select pe.first_name, pe.last_name, pe.full_name, pe.headline, pe.title, pe.location, pe.about,
                               pe.photo_url, pe.linkedin_slug, pe.connection_degree,
                               (select company from current_employer_facts(pe.party_id)) as company,
                               (select json_object_agg(fp.field, json_build_array(fp.value, fp.replaced_value,
                                                                                  fp.observed_at))
                                  from field_provenance fp
                                 where fp.party_id = pe.party_id and fp.source = 'manual') as corrections
                          from person pe where pe.party_id = $1 for update""")
                .execute(Tuple.of(partyId));
        return Future.all(locked, read)
                .compose(both -> locked.result().size() == 0 || read.result().size() == 0
                        ? Future.failedFuture(new ChangedMeanwhile("contact " + partyId + " was merged or erased meanwhile"))
                        : Future.succeededFuture(read.result()))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    Short degree = r.getShort("connection_degree");
                    PersonFields fields = new PersonFields(r.getString("full_name"), r.getString("first_name"),
                            r.getString("last_name"), r.getString("headline"), r.getString("title"),
                            r.getString("location"), r.getString("about"), r.getString("photo_url"),
                            degree == null ? null : degree.intValue());
                    String company = r.getString("company");
                    return new StoredPerson(fields, r.getString("linkedin_slug"), company,
                            corrections(fields, company, (JsonObject) r.getValue("corrections")));
                });
    }

    /**
     * Links contact mechanisms ({type, value, purpose}) to the person, all in one round trip; answers whether any link
     * is new. Race-safe on the unique keys.
     */
    public static Future<Boolean> attachMechs(SqlClient tx, UUID teamId, UUID partyId, List<String[]> mechs) {
        if (mechs.isEmpty()) {
            return Future.succeededFuture(false);
        }
        List<Tuple> batch = mechs.stream()
                .map(m -> Tuple.of(UUID.randomUUID(), teamId, m[0], m[1], partyId, m[2])).toList();
        return tx.preparedQuery("""
                        with mech as (
                            insert into contact_mech (id, team_id, contact_mech_type, info_string) values ($1, $2, $3, $4)
                            on conflict (team_id, contact_mech_type, info_string) do update set info_string = excluded.info_string
                            returning id)
                        insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose)
                        select $2, $5, id, $6 from mech
                        on conflict do nothing""")
                .executeBatch(batch)
                .map(rows -> {
                    boolean added = false;
                    for (RowSet<Row> each = rows; each != null; each = each.next()) {
                        added |= each.rowCount() > 0;
                    }
                    return added;
                });
    }

    /** The organisation for a company name, created on first mention; one per team and normalised name. */
    public static Future<UUID> company(SqlClient tx, UUID teamId, String name) {
        String key = IdentityKeys.companyKey(name);
        // most companies exist already: look first, and lock only to create one (then look again under the lock)
        return findCompany(tx, teamId, key).compose(found -> found != null ? Future.succeededFuture(found)
                : tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                        .execute(Tuple.of(dev.seguito.identity.IdentityResolver.lockName(teamId, "company", key)))
                        .compose(v -> findCompany(tx, teamId, key))
                        .compose(again -> again != null ? Future.succeededFuture(again) : createCompany(tx, teamId, name, key)));
    }

    private static Future<UUID> findCompany(SqlClient tx, UUID teamId, String key) {
        return tx.preparedQuery("select party_id from party_group where team_id = $1 and name_key = $2")
                .execute(Tuple.of(teamId, key))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
    }

    private static Future<UUID> createCompany(SqlClient tx, UUID teamId, String name, String key) {
        UUID id = UUID.randomUUID();
        return tx.preparedQuery("""
                        with new_party as (
                            insert into party (id, team_id, party_type, relationship_type)
                            values ($1, $2, 'PARTY_GROUP', 'account') returning id)
                        insert into party_group (party_id, team_id, group_name, name_key) select id, $2, $3, $4 from new_party""")
                .execute(Tuple.of(id, teamId, name, key))
                .map(id);
    }

    /**
     * Records where the person works now. With {@code authoritative} (a LinkedIn profile) a different current company
     * is a job change: the old employment is closed and the change returned; otherwise a company is only added when
     * none is known.
     */
    public static Future<Optional<JobChange>> employ(SqlClient tx, UUID teamId, UUID partyId, String company, String title,
                                                     String currentCompany, boolean authoritative) {
        if (company == null || company.isBlank()) {
            return Future.succeededFuture(Optional.empty());
        }
        if (currentCompany != null && IdentityKeys.companyKey(currentCompany).equals(IdentityKeys.companyKey(company))) {
            return tx.preparedQuery("""
                            update party_relationship set position_title = coalesce($2, position_title)
                             where party_id_to = $1 and relationship_type = 'EMPLOYMENT' and thru_date is null""")
                    .execute(Tuple.of(partyId, title)).map(Optional.empty());
        }
        if (currentCompany != null && !authoritative) {
            return Future.succeededFuture(Optional.empty());
        }
        Future<Void> closeOld = currentCompany == null ? Future.succeededFuture() : tx.preparedQuery("""
                        update party_relationship set thru_date = now()
                         where party_id_to = $1 and relationship_type = 'EMPLOYMENT' and thru_date is null""")
                .execute(Tuple.of(partyId)).mapEmpty();
        return closeOld
                .compose(v -> company(tx, teamId, company))
                .compose(companyId -> tx.preparedQuery("""
                                insert into party_relationship (id, team_id, party_id_from, party_id_to, relationship_type, position_title)
                                values ($1, $2, $3, $4, 'EMPLOYMENT', $5)""")
                        .execute(Tuple.of(UUID.randomUUID(), teamId, companyId, partyId, title)))
                .compose(v -> {
                    if (currentCompany == null) {
                        return Future.succeededFuture(Optional.<JobChange>empty());
                    }
                    JobChange change = new JobChange(currentCompany, company);
                    return tx.preparedQuery("""
                                    insert into job_change (id, team_id, party_id, old_company, new_company)
                                    values ($1, $2, $3, $4, $5)""")
                            .execute(Tuple.of(UUID.randomUUID(), teamId, partyId, currentCompany, company))
                            .map(Optional.of(change));
                });
    }

    /** Where each of these fields' values came from; the same statement as for many people at once. */
    public static Future<Void> provenance(SqlClient tx, UUID teamId, UUID partyId, List<String> fields,
                                          java.util.function.Function<String, Object> values,
                                          String source, UUID captureId, UUID memberId, Instant observedAt) {
        List<BulkContactStore.Observed> observed = fields.stream().map(field -> {
            Object value = values.apply(field);
            return new BulkContactStore.Observed(partyId, field, value == null ? null : String.valueOf(value));
        }).toList();
        return BulkContactStore.provenance(tx, teamId, observed, source, captureId, memberId, observedAt);
    }

    public static Future<Void> possibleDuplicate(SqlClient tx, UUID teamId, UUID a, UUID b, String reason) {
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        return tx.preparedQuery("""
                        insert into possible_duplicate (team_id, party_id_a, party_id_b, reason) values ($1, $2, $3, $4)
                        on conflict do nothing""")
                .execute(Tuple.of(teamId, first, second, reason)).mapEmpty();
    }

    /**
     * The corrections by hand still in force, by field ({@code company} for the employer): a correction is in force
     * while the field holds the value the member gave it.
     */
    private static Map<String, Correction> corrections(PersonFields fields, String company, JsonObject corrections) {
        if (corrections == null) {
            return Map.of();
        }
        Map<String, Correction> inForce = new HashMap<>();
        for (String field : corrections.fieldNames()) {
            JsonArray row = corrections.getJsonArray(field);
            Object current = "company".equals(field) ? company
                    : PersonFields.NAMES.contains(field) ? fields.get(field) : null;
            String given = row.getString(0);
            if (Objects.equals(given, current == null ? null : String.valueOf(current))) {
                inForce.put(field, new Correction(row.getString(1), OffsetDateTime.parse(row.getString(2)).toInstant()));
            }
        }
        return Map.copyOf(inForce);
    }

    /**
     * What the record holds before a merge, and the corrections by hand in force on it, which a capture of an older
     * page does not undo.
     */
    public record StoredPerson(PersonFields fields, String linkedinSlug, String company,
                               Map<String, Correction> corrections) {
    }

    /** A person moved from one company to another. */
    public record JobChange(String oldCompany, String newCompany) {
    }
}
