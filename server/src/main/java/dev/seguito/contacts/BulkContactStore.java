package dev.seguito.contacts;

import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.identity.PersonFields;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The write side of {@link ContactStore} for many new people at once: one statement per table (arrays bound as
 * parameters and unnested), instead of about ten round trips per person. Same rows, same values as the one-person
 * methods; used by bulk imports for the people that match nobody.
 */
public final class BulkContactStore {

    private BulkContactStore() {
    }

    /** A new person to insert, with the id chosen for them. */
    public record NewPerson(UUID id, PersonFields fields, String linkedinSlug) {
    }

    /** One contact mechanism to link to a person. */
    public record Mech(UUID partyId, String type, String value, String purpose) {
    }

    /** The current employment of a new person. */
    public record Employment(UUID partyId, String company, String title) {
    }

    /** One provenance row: which field of which person, with the value observed. */
    public record Observed(UUID partyId, String field, String value) {
    }

    public static Future<Void> createPeople(SqlClient tx, UUID teamId, UUID memberId, List<NewPerson> people) {
        if (people.isEmpty()) {
            return Future.succeededFuture();
        }
        int n = people.size();
        UUID[] ids = new UUID[n];
        String[] first = new String[n], last = new String[n], full = new String[n], nameKey = new String[n],
                headline = new String[n], title = new String[n], location = new String[n], about = new String[n],
                photo = new String[n], slug = new String[n];
        Short[] degree = new Short[n];
        for (int i = 0; i < n; i++) {
            NewPerson p = people.get(i);
            PersonFields f = p.fields();
            ids[i] = p.id();
            first[i] = f.firstName();
            last[i] = f.lastName();
            full[i] = f.fullName();
            nameKey[i] = IdentityKeys.nameKey(f.fullName());
            headline[i] = f.headline();
            title[i] = f.title();
            location[i] = f.location();
            about[i] = f.about();
            photo[i] = f.photoUrl();
            slug[i] = p.linkedinSlug();
            degree[i] = f.connectionDegree() == null ? null : f.connectionDegree().shortValue();
        }
        // Tuple.from everywhere here: Tuple.of(x, someArray) would spread the array as varargs
        return tx.preparedQuery("""
                        insert into party (id, team_id, party_type, created_by)
                        select id, $2, 'PERSON', $3 from unnest($1::uuid[]) as id""")
                .execute(Tuple.from(new Object[]{ids, teamId, memberId}))
                .compose(v -> tx.preparedQuery("""
                                insert into person (party_id, team_id, first_name, last_name, full_name, name_key, headline,
                                                    title, location, about, photo_url, linkedin_slug, connection_degree)
                                select id, $2, fn, ln, full_name, name_key, headline, title, location, about, photo, slug, degree
                                  from unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                                              $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::int2[])
                                       as t(id, fn, ln, full_name, name_key, headline, title, location, about, photo, slug, degree)""")
                        .execute(Tuple.from(new Object[]{ids, teamId, first, last, full, nameKey, headline, title,
                                location, about, photo, slug, degree})))
                .mapEmpty();
    }

    /** Creates the mechanisms that do not exist yet (race-safe on the unique key) and links each to its person. */
    public static Future<Void> attachMechs(SqlClient tx, UUID teamId, List<Mech> mechs) {
        if (mechs.isEmpty()) {
            return Future.succeededFuture();
        }
        int n = mechs.size();
        UUID[] party = new UUID[n];
        String[] type = new String[n], value = new String[n], purpose = new String[n];
        for (int i = 0; i < n; i++) {
            Mech m = mechs.get(i);
            party[i] = m.partyId();
            type[i] = m.type();
            value[i] = m.value();
            purpose[i] = m.purpose();
        }
        // distinct: one statement may not upsert the same row twice (two people sharing a company website)
        return tx.preparedQuery("""
                        with wanted as (select distinct type, value from unnest($2::text[], $3::text[]) as w(type, value)),
                             mech as (
                                 insert into contact_mech (id, team_id, contact_mech_type, info_string)
                                 select gen_random_uuid(), $1, type, value from wanted
                                 on conflict (team_id, contact_mech_type, info_string) do update set info_string = excluded.info_string
                                 returning id, contact_mech_type, info_string)
                        insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose)
                        select $1, l.party_id, mech.id, l.purpose
                          from unnest($4::uuid[], $2::text[], $3::text[], $5::text[]) as l(party_id, type, value, purpose)
                          join mech on mech.contact_mech_type = l.type and mech.info_string = l.value
                        on conflict do nothing""")
                .execute(Tuple.from(new Object[]{teamId, type, value, party, purpose}))
                .mapEmpty();
    }

    /**
     * Links each new person to their company, creating the companies not known yet. Companies are created under the
     * same advisory lock {@link ContactStore#company} takes, so a capture naming the same new company at the same
     * time does not create it twice.
     */
    public static Future<Void> employ(SqlClient tx, UUID teamId, List<Employment> jobs) {
        if (jobs.isEmpty()) {
            return Future.succeededFuture();
        }
        Map<String, String> nameByKey = new LinkedHashMap<>();
        jobs.forEach(j -> nameByKey.putIfAbsent(IdentityKeys.companyKey(j.company()), j.company()));
        return companies(tx, teamId, nameByKey).compose(companyByKey -> {
            int n = jobs.size();
            UUID[] company = new UUID[n], person = new UUID[n];
            String[] title = new String[n];
            for (int i = 0; i < n; i++) {
                Employment j = jobs.get(i);
                company[i] = companyByKey.get(IdentityKeys.companyKey(j.company()));
                person[i] = j.partyId();
                title[i] = j.title();
            }
            return tx.preparedQuery("""
                            insert into party_relationship (id, team_id, party_id_from, party_id_to, relationship_type, position_title)
                            select gen_random_uuid(), $1, company, person, 'EMPLOYMENT', title
                              from unnest($2::uuid[], $3::uuid[], $4::text[]) as e(company, person, title)""")
                    .execute(Tuple.from(new Object[]{teamId, company, person, title})).mapEmpty();
        });
    }

    private static Future<Map<String, UUID>> companies(SqlClient tx, UUID teamId, Map<String, String> nameByKey) {
        return findCompanies(tx, teamId, nameByKey.keySet()).compose(found -> {
            if (found.size() == nameByKey.size()) {
                return Future.succeededFuture(found);
            }
            TreeSet<String> locks = new TreeSet<>();
            nameByKey.keySet().stream().filter(k -> !found.containsKey(k))
                    .forEach(k -> locks.add(IdentityResolver.lockName(teamId, "company", k)));
            return IdentityResolver.lockAll(tx, locks)
                    .compose(v -> findCompanies(tx, teamId, nameByKey.keySet()))
                    .compose(again -> {
                        List<String> missing = nameByKey.keySet().stream().filter(k -> !again.containsKey(k)).toList();
                        if (missing.isEmpty()) {
                            return Future.succeededFuture(again);
                        }
                        UUID[] ids = new UUID[missing.size()];
                        String[] names = new String[missing.size()];
                        for (int i = 0; i < ids.length; i++) {
                            ids[i] = UUID.randomUUID();
                            names[i] = nameByKey.get(missing.get(i));
                            again.put(missing.get(i), ids[i]);
                        }
                        return tx.preparedQuery("""
                                        insert into party (id, team_id, party_type, relationship_type)
                                        select id, $2, 'PARTY_GROUP', 'account' from unnest($1::uuid[]) as id""")
                                .execute(Tuple.from(new Object[]{ids, teamId}))
                                .compose(x -> tx.preparedQuery("""
                                                insert into party_group (party_id, team_id, group_name, name_key)
                                                select id, $2, name, key from unnest($1::uuid[], $3::text[], $4::text[]) as g(id, name, key)""")
                                        .execute(Tuple.from(new Object[]{ids, teamId, names, missing.toArray(new String[0])})))
                                .map(again);
                    });
        });
    }

    private static Future<Map<String, UUID>> findCompanies(SqlClient tx, UUID teamId, java.util.Collection<String> keys) {
        return tx.preparedQuery("select name_key, party_id from party_group where team_id = $1 and name_key = any($2)")
                .execute(Tuple.from(new Object[]{teamId, keys.toArray(new String[0])}))
                .map(rows -> {
                    Map<String, UUID> found = new HashMap<>();
                    rows.forEach(r -> found.put(r.getString(0), r.getUUID(1)));
                    return found;
                });
    }

    /** Where each value came from, for any number of people ({@link ContactStore#provenance} uses it for one). */
    public static Future<Void> provenance(SqlClient tx, UUID teamId, List<Observed> observed, String source,
                                          UUID captureId, UUID memberId, Instant observedAt) {
        if (observed.isEmpty()) {
            return Future.succeededFuture();
        }
        List<UUID> party = new ArrayList<>(observed.size());
        List<String> field = new ArrayList<>(observed.size());
        List<String> value = new ArrayList<>(observed.size());
        observed.forEach(o -> {
            party.add(o.partyId());
            field.add(o.field());
            value.add(o.value());
        });
        return tx.preparedQuery("""
                        insert into field_provenance (team_id, party_id, field, value, source, capture_id, member_id, observed_at)
                        select $1, party_id, field, value, $5, $6, $7, $8
                          from unnest($2::uuid[], $3::text[], $4::text[]) as o(party_id, field, value)
                        on conflict (party_id, field, source) do update
                           set value = excluded.value, capture_id = excluded.capture_id, member_id = excluded.member_id,
                               observed_at = excluded.observed_at""")
                .execute(Tuple.from(new Object[]{teamId, party.toArray(new UUID[0]), field.toArray(new String[0]),
                        value.toArray(new String[0]), source, captureId, memberId,
                        OffsetDateTime.ofInstant(observedAt, ZoneOffset.UTC)}))
                .mapEmpty();
    }
}
