package dev.seguito.identity;

import dev.seguito.db.Sequential;
import dev.seguito.parse.ParsedPerson;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Finds who a captured person already is in the team's base. Strong keys, strongest first: LinkedIn slug,
 * personal email, phone (E.164). Same name at the same company is only weak evidence: it never merges by itself.
 * Keys are locked for the transaction, so two colleagues capturing the same new person at once create one record.
 */
public final class IdentityResolver {

    private static final String BY_SLUG = """
            select pe.party_id from person pe join party p on p.id = pe.party_id
            where pe.team_id = $1 and pe.linkedin_slug = $2 and p.status = 'ACTIVE'""";
    private static final String BY_MECH = """
            select pcm.party_id
              from contact_mech cm
              join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
              join party p on p.id = pcm.party_id and p.status = 'ACTIVE' and p.party_type = 'PERSON'
             where cm.team_id = $1 and cm.contact_mech_type = $2 and cm.info_string = $3
             order by pcm.from_date""";
    private static final String BY_NAME_AND_COMPANY = """
            select pe.party_id
              from person pe
              join party p on p.id = pe.party_id and p.status = 'ACTIVE'
              join party_relationship r on r.party_id_to = pe.party_id and r.relationship_type = 'EMPLOYMENT'
                                       and r.thru_date is null
              join party_group g on g.party_id = r.party_id_from
             where pe.team_id = $1 and pe.name_key = $2 and g.team_id = $1 and g.name_key = $3
               and pe.party_id is distinct from $4::uuid
             limit 1""";

    /** The reason a possible duplicate found by {@link #lookalike} gives. */
    public static final String SAME_NAME_AT_SAME_COMPANY = "Same name at the same company";

    private IdentityResolver() {
    }

    public static Future<Resolution> resolve(SqlClient tx, UUID teamId, ParsedPerson person) {
        List<Key> keys = strongKeys(person);
        return lock(tx, teamId, lockedKeys(person))
                .compose(v -> Sequential.map(keys, key -> find(tx, teamId, key)))
                .compose(found -> {
                    Set<UUID> matches = new LinkedHashSet<>();
                    String matchedBy = null;
                    for (int i = 0; i < keys.size(); i++) {
                        if (!found.get(i).isEmpty() && matchedBy == null) {
                            matchedBy = keys.get(i).kind();
                        }
                        matches.addAll(found.get(i));
                    }
                    if (!matches.isEmpty()) {
                        List<UUID> all = new ArrayList<>(matches);
                        return Future.succeededFuture(new Resolution(Optional.of(all.get(0)), matchedBy,
                                all.subList(1, all.size()), Optional.empty()));
                    }
                    return weakMatch(tx, teamId, person).map(weak -> new Resolution(Optional.empty(), null, List.of(), weak));
                });
    }

    /** The keys that identify a person on their own, strongest first; role mailboxes are not among them. */
    public static List<Key> strongKeys(ParsedPerson person) {
        List<Key> keys = new ArrayList<>();
        if (person.linkedinSlug() != null) {
            keys.add(new Key("linkedin", person.linkedinSlug()));
        }
        for (String email : person.emails()) {
            if (!IdentityKeys.isRoleAddress(email)) {
                keys.add(new Key("email", IdentityKeys.email(email)));
            }
        }
        for (String phone : person.phones()) {
            keys.add(new Key("phone", phone));
        }
        return keys;
    }

    /**
     * The keys a transaction creating or matching this person locks: the strong keys, and name + company, the weak
     * evidence. Without the last, two colleagues capturing "Giulia Romano, Fabbrica Nord" at the same moment, one from
     * her profile and one from her email, would each find nobody and make two records that no one is asked about.
     */
    static List<Key> lockedKeys(ParsedPerson person) {
        List<Key> keys = strongKeys(person);
        String weak = weakKey(person.fullName(), person.company());
        if (weak != null) {
            keys.add(new Key("name", weak));
        }
        return keys;
    }

    /** The value of the "name" key: name and company as identity compares them. A merge locks the same key. */
    public static String nameAtCompany(String fullName, String company) {
        return IdentityKeys.nameKey(fullName) + "|" + IdentityKeys.companyKey(company);
    }

    /**
     * Locks the name + company key a capture of that person would lock, for a transaction that gives someone this
     * name or employer by hand; returns the key locked, or null when there is no weak evidence to lock. Without it, a
     * name corrected at the moment a colleague captures that name at that company would be asked about by neither.
     */
    public static Future<String> lockNameAtCompany(SqlClient tx, UUID teamId, String fullName, String company) {
        String key = weakKey(fullName, company);
        return key == null ? Future.succeededFuture(null)
                : lockAll(tx, Set.of(lockName(teamId, "name", key))).map(v -> key);
    }

    /** The name + company key of this name and employer, or null when either is missing. */
    public static String weakKey(String fullName, String company) {
        return hasWeakEvidence(fullName, company) ? nameAtCompany(fullName, company) : null;
    }

    /** Name and company, the two halves of the weak evidence; without either there is none. */
    private static boolean hasWeakEvidence(String fullName, String company) {
        return fullName != null && company != null && !company.isBlank();
    }

    /** Sorted, so two transactions locking overlapping keys cannot deadlock. */
    private static Future<Void> lock(SqlClient tx, UUID teamId, List<Key> keys) {
        Set<String> sorted = new TreeSet<>();
        keys.forEach(k -> sorted.add(lockName(teamId, k.kind(), k.value())));
        return lockAll(tx, sorted);
    }

    /**
     * Takes, up front and in one global order, the identity-key locks a transaction touching these people will need.
     * Advisory locks are re-entrant, so the per-person locking later costs nothing; without this, two transactions
     * with several people each (an email thread, an import batch) could take the same locks in different orders and
     * deadlock. (Companies are locked only when one is created; a rare deadlock there is retried by the caller.)
     */
    public static Future<Void> lockAll(SqlClient tx, UUID teamId, List<ParsedPerson> people) {
        Set<String> sorted = new TreeSet<>();
        for (ParsedPerson person : people) {
            lockedKeys(person).forEach(k -> sorted.add(lockName(teamId, k.kind(), k.value())));
        }
        return lockAll(tx, sorted);
    }

    /** The advisory lock for one key; {@code ContactStore.company} locks companies by the same name. */
    public static String lockName(UUID teamId, String kind, String value) {
        return teamId + ":" + kind + ":" + value;
    }

    /** Takes the named advisory locks for the transaction, in their sorted order. */
    public static Future<Void> lockAll(SqlClient tx, Set<String> sorted) {
        if (sorted.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest($1::text[]) as k order by k")
                .execute(Tuple.of(sorted.toArray(new String[0]))).mapEmpty();
    }

    private static Future<List<UUID>> find(SqlClient tx, UUID teamId, Key key) {
        Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> rows = switch (key.kind()) {
            case "linkedin" -> tx.preparedQuery(BY_SLUG).execute(Tuple.of(teamId, key.value()));
            case "email" -> tx.preparedQuery(BY_MECH).execute(Tuple.of(teamId, "EMAIL_ADDRESS", key.value()));
            default -> tx.preparedQuery(BY_MECH).execute(Tuple.of(teamId, "TELECOM_NUMBER", key.value()));
        };
        return rows.map(rs -> {
            List<UUID> ids = new ArrayList<>();
            rs.forEach(r -> ids.add(r.getUUID(0)));
            return ids;
        });
    }

    private static Future<Optional<UUID>> weakMatch(SqlClient tx, UUID teamId, ParsedPerson person) {
        return lookalike(tx, teamId, person.fullName(), person.company(), null);
    }

    /**
     * Another active person of this name at this company, other than {@code except}: weak evidence that they are
     * one person, for a member to confirm or reject. Captures ask it of a person they are about to create, and a
     * correction by hand of a name or employer of the person it corrected.
     */
    public static Future<Optional<UUID>> lookalike(SqlClient tx, UUID teamId, String fullName, String company, UUID except) {
        if (!hasWeakEvidence(fullName, company)) {
            return Future.succeededFuture(Optional.empty());
        }
        return tx.preparedQuery(BY_NAME_AND_COMPANY)
                .execute(Tuple.of(teamId, IdentityKeys.nameKey(fullName), IdentityKeys.companyKey(company), except))
                .map(rs -> rs.size() == 0 ? Optional.empty() : Optional.of(rs.iterator().next().getUUID(0)));
    }

    /** One identity key: {@code kind} is "linkedin", "email" or "phone". */
    public record Key(String kind, String value) {
    }

    /**
     * The outcome: a strong match (and other records the same keys point to, which are possible duplicates of it),
     * or no match with perhaps a weak candidate to ask a person about.
     */
    public record Resolution(Optional<UUID> match, String matchedBy, List<UUID> alsoMatching, Optional<UUID> weakCandidate) {
    }
}
