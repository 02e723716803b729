package dev.seguito.capture;

import dev.seguito.contacts.CompanyPages;
import dev.seguito.contacts.ContactStore;
import dev.seguito.db.Sequential;
import dev.seguito.identity.Correction;
import dev.seguito.identity.FieldMerger;
import dev.seguito.identity.IdentityKeys;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.identity.PersonFields;
import dev.seguito.interactions.MessageRecorder;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import dev.seguito.team.TeamMailboxes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Applies one parsed capture to the team's base inside one transaction: every person is resolved and merged, the
 * thread's messages become interactions, bounced addresses are marked, and each affected contact gets an outbox row
 * for the CRM. Either all of it commits or none of it does.
 */
public final class CaptureProcessor {

    private final AfterChange afterChange;

    /** @param afterChange runs in the same transaction with every contact the capture changed (recomputes next touches) */
    public CaptureProcessor(AfterChange afterChange) {
        this.afterChange = afterChange;
    }

    /** What must follow a change to some contacts of a team, in the same transaction. */
    @FunctionalInterface
    public interface AfterChange {
        Future<Void> apply(SqlConnection tx, UUID teamId, List<UUID> partyIds);
    }

    public Future<Outcome> apply(SqlConnection tx, Member member, UUID captureId, ParsedCapture parsed, Instant observedAt,
                                 List<String> ownEmails) {
        if (parsed.company() != null) {
            return companyPage(tx, member, parsed);
        }
        Origin origin = new Origin(parsed.source().wire(), parsed.source() == CaptureSource.LINKEDIN_PROFILE);
        return TeamMailboxes.read(tx, member, ownEmails)
                .compose(mailboxes -> apply(tx, member, captureId, origin, parsed, observedAt, mailboxes));
    }

    /**
     * @param origin    where the people come from: its name goes into provenance; an authoritative origin (the
     *                  person's own profile, or the member's LinkedIn export) may overwrite fields and record job changes
     * @param mailboxes the team's own addresses, read by the caller in the same transaction
     */
    public Future<Outcome> apply(SqlConnection tx, Member member, UUID captureId, Origin origin, ParsedCapture parsed,
                                 Instant observedAt, TeamMailboxes mailboxes) {
        List<ParsedPerson> people = parsed.people().stream()
                .filter(p -> !p.automated() && !isTeamMember(p, mailboxes)).toList();
        Map<String, UUID> partyByEmail = new HashMap<>();
        return IdentityResolver.lockAll(tx, member.teamId(), people)
                .compose(locked -> Sequential.map(people, p -> upsert(tx, member, captureId, origin, p, observedAt)
                        .map(result -> {
                            p.emails().forEach(e -> partyByEmail.put(e, result.partyId()));
                            return result;
                        })))
                .compose(results -> MessageRecorder.record(tx, member, captureId, parsed.messages(), mailboxes, partyByEmail)
                        .compose(touched -> markBounces(tx, member.teamId(), parsed.messages()).map(bounced -> {
                            Set<UUID> all = new LinkedHashSet<>(touched);
                            all.addAll(bounced);
                            return all;
                        }))
                        .compose(touched -> {
                            Set<UUID> affected = new LinkedHashSet<>();
                            results.forEach(r -> affected.add(r.partyId()));
                            affected.addAll(touched);
                            return afterChange.apply(tx, member.teamId(), List.copyOf(affected))
                                    .map(v -> new Outcome(results, List.copyOf(affected),
                                            primary(parsed, results, partyByEmail, mailboxes), null));
                        }));
    }

    /**
     * A company page changes no person directly: its facts change the cards and fit of the company's employees, so
     * the CRM hears of each of them and their next touches are worked out again.
     */
    private Future<Outcome> companyPage(SqlConnection tx, Member member, ParsedCapture parsed) {
        return CompanyPages.apply(tx, member.teamId(), parsed.company())
                .compose(applied -> (applied.employees().isEmpty() ? Future.<Void>succeededFuture()
                        : Outbox.appendForEach(tx, member.teamId(), applied.employees(), "CONTACT_UPSERT")
                                .compose(v -> afterChange.apply(tx, member.teamId(), applied.employees())))
                        .map(v -> new Outcome(List.of(), applied.employees(), null, applied)));
    }

    /** Recomputes what depends on these contacts (their next touches), as every capture does. */
    Future<Void> afterChange(SqlConnection tx, UUID teamId, List<UUID> partyIds) {
        return afterChange.apply(tx, teamId, partyIds);
    }

    private Future<PersonResult> upsert(SqlConnection tx, Member member, UUID captureId, Origin origin,
                                        ParsedPerson p, Instant observedAt) {
        boolean authoritative = origin.authoritative();
        PersonFields incoming = fieldsOf(p);
        PersonFields created = incoming.fullName() == null ? withName(incoming, p) : incoming;
        return IdentityResolver.resolve(tx, member.teamId(), p).compose(resolution -> {
            Future<PersonResult> result;
            if (resolution.match().isPresent()) {
                UUID id = resolution.match().get();
                result = ContactStore.loadPerson(tx, id).compose(stored -> {
                    FieldMerger.Merge merge = FieldMerger.merge(stored.fields(), incoming, authoritative, p.confidence(),
                            stored.corrections(), observedAt);
                    // the record, its mechanisms and its employment are written together; provenance needs the job
                    Future<Void> updated = ContactStore.updatePerson(tx, id, merge.fields(), p.linkedinSlug());
                    Future<Boolean> newMechs = attachAll(tx, member.teamId(), id, p);
                    // an employer on a page older than a member's correction of it is neither a job change nor a title
                    Correction employer = stored.corrections().get("company");
                    boolean staleEmployer = employer != null && employer.outdates(p.company(), observedAt,
                            (a, b) -> IdentityKeys.companyKey(a).equals(IdentityKeys.companyKey(b)));
                    Future<Optional<ContactStore.JobChange>> job = staleEmployer ? Future.succeededFuture(Optional.empty())
                            : ContactStore.employ(tx, member.teamId(), id, p.company(), p.title(), stored.company(), authoritative);
                    boolean companyAdded = stored.company() == null && p.company() != null;
                    return Future.all(updated, newMechs, job).compose(written -> ContactStore.provenance(tx,
                                    member.teamId(), id, withCompany(merge.changed(), job.result().isPresent() || companyAdded),
                                    valuesOf(merge.fields(), p.company()), origin.source(), captureId, member.id(), observedAt)
                            .map(v -> new PersonResult(id, merge.changed().isEmpty() && !newMechs.result()
                                    && job.result().isEmpty() && !companyAdded ? MatchStatus.MATCHED : MatchStatus.UPDATED,
                                    job.result())));
                });
                for (UUID other : resolution.alsoMatching()) {
                    result = result.compose(r -> ContactStore.possibleDuplicate(tx, member.teamId(), id, other,
                            "The same " + resolution.matchedBy() + " or another strong key points to both records").map(r));
                }
            } else {
                // a new person's mechanisms, employment and provenance depend on its id only: sent together
                Future<UUID> createdId = ContactStore.createPerson(tx, member.teamId(), member.id(), created, p.linkedinSlug())
                        .compose(id -> Future.all(attachAll(tx, member.teamId(), id, p),
                                        ContactStore.employ(tx, member.teamId(), id, p.company(), p.title(), null, authoritative),
                                        ContactStore.provenance(tx, member.teamId(), id, provenanceOfNew(incoming, p),
                                                valuesOf(incoming, p.company()), origin.source(), captureId, member.id(), observedAt))
                                .map(v -> id));
                Optional<UUID> candidate = resolution.weakCandidate();
                result = candidate.isEmpty()
                        ? createdId.map(id -> new PersonResult(id, MatchStatus.NEW, Optional.empty()))
                        : createdId.compose(id -> ContactStore.possibleDuplicate(tx, member.teamId(), id, candidate.get(),
                                IdentityResolver.SAME_NAME_AT_SAME_COMPANY)
                                .map(new PersonResult(id, MatchStatus.POSSIBLE_DUPLICATE, Optional.empty())));
            }
            return result.compose(r -> Outbox.append(tx, member.teamId(), r.partyId(), "CONTACT_UPSERT",
                    new JsonObject().put("partyId", r.partyId().toString())).map(r));
        });
    }

    /** A person seen only as an address still needs a name on the card: the address itself until a better one comes. */
    private static PersonFields withName(PersonFields f, ParsedPerson p) {
        String name = p.emails().isEmpty() ? "Unknown" : p.emails().get(0);
        return new PersonFields(name, f.firstName(), f.lastName(), f.headline(), f.title(), f.location(), f.about(),
                f.photoUrl(), f.connectionDegree());
    }

    /** The value provenance records for each field name of {@link #provenanceOfNew} or of a merge. */
    static java.util.function.Function<String, Object> valuesOf(PersonFields fields, String company) {
        return field -> switch (field) {
            case "company" -> company;
            case "seen" -> null;
            default -> fields.get(field);
        };
    }

    /** The fields to record provenance for when a person is created: every value it came with, and "seen". */
    static List<String> provenanceOfNew(PersonFields incoming, ParsedPerson p) {
        return withCompany(present(incoming), p.company() != null);
    }

    private static List<String> present(PersonFields f) {
        return PersonFields.NAMES.stream().filter(n -> f.get(n) != null).toList();
    }

    /**
     * The fields to record provenance for: those that changed, the company when it changed, and always "seen", so
     * the card lists every source and colleague that captured the person even when they added nothing new.
     */
    private static List<String> withCompany(List<String> fields, boolean companyChanged) {
        List<String> all = new ArrayList<>(fields);
        if (companyChanged) {
            all.add("company");
        }
        all.add("seen");
        return all;
    }

    /** The profile fields of a captured person, as stored. */
    static PersonFields fieldsOf(ParsedPerson p) {
        return new PersonFields(p.fullName(), p.firstName(), p.lastName(), p.headline(), p.title(), p.location(),
                p.about(), p.photoUrl(), p.connectionDegree());
    }

    private static Future<Boolean> attachAll(SqlConnection tx, UUID teamId, UUID partyId, ParsedPerson p) {
        return ContactStore.attachMechs(tx, teamId, partyId, mechsOf(p));
    }

    /** The contact mechanisms of a person as {type, value, purpose}: emails (first primary), phones, profile, website. */
    static List<String[]> mechsOf(ParsedPerson p) {
        List<String[]> mechs = new ArrayList<>();
        for (int i = 0; i < p.emails().size(); i++) {
            mechs.add(new String[]{"EMAIL_ADDRESS", p.emails().get(i), i == 0 ? "PRIMARY_EMAIL" : "OTHER_EMAIL"});
        }
        p.phones().forEach(phone -> mechs.add(new String[]{"TELECOM_NUMBER", phone, "PHONE_WORK"}));
        if (p.linkedinUrl() != null) {
            mechs.add(new String[]{"WEB_ADDRESS", p.linkedinUrl(), "LINKEDIN_URL"});
        }
        if (p.website() != null) {
            mechs.add(new String[]{"WEB_ADDRESS", p.website(), "PRIMARY_WEB_URL"});
        }
        return mechs;
    }

    /** A colleague seen in a thread is not a contact: no profile of their own, only the team's addresses. */
    static boolean isTeamMember(ParsedPerson p, TeamMailboxes mailboxes) {
        return p.linkedinSlug() == null && !p.emails().isEmpty() && p.emails().stream().allMatch(mailboxes::contains);
    }

    /**
     * Marks bounced addresses invalid and queues each owner for the CRM; answers the owners, whose next touch must
     * change.
     */
    private static Future<Set<UUID>> markBounces(SqlConnection tx, UUID teamId, List<ParsedMessage> messages) {
        List<String> bounced = messages.stream().filter(ParsedMessage::bounce)
                .flatMap(m -> m.bouncedAddresses().stream()).distinct().toList();
        Set<UUID> owners = new LinkedHashSet<>();
        return Sequential.each(bounced, address -> tx.preparedQuery("""
                        with marked as (
                            update contact_mech set valid = false, invalid_reason = 'bounced', invalid_since = now()
                             where team_id = $1 and contact_mech_type = 'EMAIL_ADDRESS' and info_string = $2
                            returning id)
                        select pcm.party_id from party_contact_mech pcm join marked on marked.id = pcm.contact_mech_id""")
                .execute(Tuple.of(teamId, address))
                .map(rows -> {
                    rows.forEach(r -> owners.add(r.getUUID(0)));
                    return null;
                }))
                // the CRM hears of the bounce too (docs/crm-mapping.md): the owner's record now lists it as bounced
                .compose(v -> Outbox.appendForEach(tx, teamId, List.copyOf(owners), "CONTACT_UPSERT"))
                .map(owners);
    }

    /** The person the capture is about: the profile, or the newest outside sender of the thread. */
    private static UUID primary(ParsedCapture parsed, List<PersonResult> results, Map<String, UUID> partyByEmail,
                                TeamMailboxes mailboxes) {
        if (results.isEmpty()) {
            return null;
        }
        List<ParsedMessage> messages = new ArrayList<>(parsed.messages());
        messages.sort((a, b) -> compare(b.sentAt(), a.sentAt()));
        for (ParsedMessage m : messages) {
            if (m.from() != null && partyByEmail.containsKey(m.from().address())) {
                return partyByEmail.get(m.from().address());
            }
            for (var to : m.to()) {
                if (!mailboxes.contains(to.address()) && partyByEmail.containsKey(to.address())) {
                    return partyByEmail.get(to.address());
                }
            }
        }
        return results.get(0).partyId();
    }

    private static int compare(Instant a, Instant b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }

    /** Where captured people come from, as provenance names it, and whether it may overwrite what we hold. */
    public record Origin(String source, boolean authoritative) {
    }

    /** new / matched / updated / possible duplicate, as the side panel shows it. */
    public enum MatchStatus {
        NEW, MATCHED, UPDATED, POSSIBLE_DUPLICATE;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** What happened to one person of the capture. */
    public record PersonResult(UUID partyId, MatchStatus status, Optional<ContactStore.JobChange> jobChange) {
    }

    /** What the capture changed; {@code company} is set for a company page only. */
    public record Outcome(List<PersonResult> people, List<UUID> affected, UUID primary, CompanyPages.Applied company) {
    }
}
