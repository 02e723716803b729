package dev.seguito.capture;

import dev.seguito.contacts.BulkContactStore;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.identity.PersonFields;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.team.Member;
import dev.seguito.team.TeamMailboxes;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The fast path of a bulk import. Most rows of a first import are people nobody in the team has met: no strong key
 * (LinkedIn slug, personal email, phone) already in the base, nobody of the same name at the same company, and no
 * other row of the batch sharing any of that. Those are created with a few set-based statements; every other row
 * still goes through {@link CaptureProcessor}, after them, so that rows of one batch can match each other exactly as
 * they would one by one. The stored contacts are the same either way ({@code ImportBulkPathTest} compares them).
 */
final class NewPeopleInBulk {

    private static final String KNOWN_KEYS = dev.seguito.db.Sql.load("import_known_keys");

    private NewPeopleInBulk() {
    }

    /** Which rows (by index) take the fast path; the others go through the capture path, in their order. */
    record Split(List<Integer> unknown, List<Integer> others) {
    }

    /**
     * Splits a batch. The caller must hold the identity-key locks of the whole batch, so nobody creates one of
     * these keys between this check and the inserts.
     *
     * @param mailboxes the team's own addresses: a row that is a colleague is left to the capture path, which skips it
     */
    static Future<Split> split(SqlConnection tx, UUID teamId, List<ParsedPerson> people, TeamMailboxes mailboxes) {
        List<Set<String>> keys = new ArrayList<>(people.size());
        Set<String> slugs = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> phones = new HashSet<>();
        List<String> names = new ArrayList<>();
        List<String> companies = new ArrayList<>();
        for (ParsedPerson p : people) {
            // a row's keys as import_known_keys.sql answers them: "kind:value", and "name:<name>|<company>"
            Set<String> own = new HashSet<>();
            for (IdentityResolver.Key k : IdentityResolver.strongKeys(p)) {
                own.add(k.kind() + ":" + k.value());
                switch (k.kind()) {
                    case "linkedin" -> slugs.add(k.value());
                    case "email" -> emails.add(k.value());
                    default -> phones.add(k.value());
                }
            }
            if (p.fullName() != null && p.company() != null && !p.company().isBlank()) {
                String name = IdentityKeys.nameKey(p.fullName());
                String company = IdentityKeys.companyKey(p.company());
                own.add("name:" + name + "|" + company);
                names.add(name);
                companies.add(company);
            }
            keys.add(own);
        }
        return tx.preparedQuery(KNOWN_KEYS)
                .execute(Tuple.from(new Object[]{teamId, slugs.toArray(new String[0]), emails.toArray(new String[0]),
                        phones.toArray(new String[0]), names.toArray(new String[0]), companies.toArray(new String[0])}))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(r -> known.add(r.getString(0)));
                    List<Integer> unknown = new ArrayList<>();
                    List<Integer> others = new ArrayList<>();
                    Set<String> earlierRows = new HashSet<>();
                    for (int i = 0; i < people.size(); i++) {
                        ParsedPerson p = people.get(i);
                        Set<String> own = keys.get(i);
                        boolean simple = p.fullName() != null && !p.automated()
                                && !CaptureProcessor.isTeamMember(p, mailboxes)
                                && own.stream().noneMatch(known::contains) && own.stream().noneMatch(earlierRows::contains);
                        (simple ? unknown : others).add(i);
                        earlierRows.addAll(own);
                    }
                    return new Split(unknown, others);
                });
    }

    /**
     * Creates the people as {@link CaptureProcessor} creates a new person: the record, its contact mechanisms, the
     * current employment, provenance of every value (and "seen"), and an outbox row for the CRM. Answers their ids.
     */
    static Future<List<UUID>> create(SqlConnection tx, Member member, CaptureProcessor.Origin origin,
                                     List<ParsedPerson> people, Instant observedAt) {
        List<BulkContactStore.NewPerson> records = new ArrayList<>();
        List<BulkContactStore.Mech> mechs = new ArrayList<>();
        List<BulkContactStore.Employment> jobs = new ArrayList<>();
        List<BulkContactStore.Observed> observed = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (ParsedPerson p : people) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            PersonFields fields = CaptureProcessor.fieldsOf(p);
            records.add(new BulkContactStore.NewPerson(id, fields, p.linkedinSlug()));
            CaptureProcessor.mechsOf(p).forEach(m -> mechs.add(new BulkContactStore.Mech(id, m[0], m[1], m[2])));
            boolean employed = p.company() != null && !p.company().isBlank();
            if (employed) {
                jobs.add(new BulkContactStore.Employment(id, p.company(), p.title()));
            }
            Function<String, Object> values = CaptureProcessor.valuesOf(fields, p.company());
            for (String field : CaptureProcessor.provenanceOfNew(fields, p)) {
                Object value = values.apply(field);
                observed.add(new BulkContactStore.Observed(id, field, value == null ? null : String.valueOf(value)));
            }
        }
        return BulkContactStore.createPeople(tx, member.teamId(), member.id(), records)
                .compose(v -> BulkContactStore.attachMechs(tx, member.teamId(), mechs))
                .compose(v -> BulkContactStore.employ(tx, member.teamId(), jobs))
                .compose(v -> BulkContactStore.provenance(tx, member.teamId(), observed, origin.source(), null,
                        member.id(), observedAt))
                .compose(v -> dev.seguito.sync.Outbox.appendForEach(tx, member.teamId(), ids, "CONTACT_UPSERT"))
                .map(ids);
    }
}
