package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.contacts.ContactQueries;
import dev.seguito.contacts.ContactTags;
import dev.seguito.db.PgErrors;
import dev.seguito.interactions.LoggedTouch;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import dev.seguito.team.TeamMailboxes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Contacts typed in by hand ({@link ContactEntry}). The person is resolved and merged as a capture's would be, but
 * as a source that only fills gaps: a business card does not outrank the person's own LinkedIn profile. A meeting
 * given with the entry is logged in the same transaction, so the next touch the answer carries is already the
 * 24/7/30 written follow-up. The idempotency key is claimed first in that transaction; a retry answers what the
 * first submit did, with the card as it is now.
 */
public final class ContactEntries {

    /** The provenance name of typed values: neither a capture nor a correction (which outranks later pages). */
    public static final String SOURCE = "entered";
    private static final int ATTEMPTS = 3;

    private final Pool pool;
    private final CaptureProcessor processor;

    public ContactEntries(Pool pool, CaptureProcessor processor) {
        this.pool = pool;
        this.processor = processor;
    }

    /** The answer and its status: 201 for a person the team did not have, else 200. */
    public record Answer(int status, JsonObject body) {
    }

    public Future<Answer> add(Member member, JsonObject body) {
        ContactEntry entry = ContactEntry.from(body, Instant.now());
        byte[] hash = entry.hash();
        return previous(member, entry.idempotencyKey(), hash)
                .compose(previous -> previous != null ? Future.succeededFuture(previous) : store(member, entry, hash, 1));
    }

    /** What an earlier submit with this key did, or null; a key reused for another person is refused. */
    private Future<Answer> previous(Member member, String key, byte[] hash) {
        return pool.preparedQuery("""
                        select e.payload_hash, e.match_status, e.meeting_id, p.status, coalesce(p.merged_into, p.id) as party_id
                          from contact_entry e left join party p on p.id = e.party_id
                         where e.team_id = $1 and e.idempotency_key = $2""")
                .execute(Tuple.of(member.teamId(), key))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture(null);
                    }
                    Row row = rows.iterator().next();
                    if ("DELETED".equals(row.getString("status"))) {
                        // the person was erased since (privacy): a late retry must not bring them back
                        throw new ApiError(410, "gone", "This contact was deleted after it was added.");
                    }
                    if (!Arrays.equals(row.getBuffer("payload_hash").getBytes(), hash)) {
                        throw ApiError.conflict("This idempotencyKey was already used to add someone else");
                    }
                    return answer(pool, member, row.getUUID("party_id"), row.getString("match_status"),
                            row.getUUID("meeting_id"), true);
                });
    }

    private Future<Answer> store(Member member, ContactEntry entry, byte[] hash, int attempt) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into contact_entry (team_id, idempotency_key, payload_hash, member_id)
                                values ($1, $2, $3, $4) on conflict do nothing""")
                        .execute(Tuple.of(member.teamId(), entry.idempotencyKey(), io.vertx.core.buffer.Buffer.buffer(hash),
                                member.id()))
                        .compose(claimed -> claimed.rowCount() == 0
                                ? Future.failedFuture(new DuplicateInFlight())
                                : enter(tx, member, entry)))
                .recover(e -> {
                    if (e instanceof DuplicateInFlight) {
                        // a submit with the same key committed first: answer what it did
                        return previous(member, entry.idempotencyKey(), hash);
                    }
                    if ((PgErrors.isUniqueViolation(e) || PgErrors.isRetryable(e)) && attempt < ATTEMPTS) {
                        // a colleague added or captured the same person at the same instant: the next attempt finds them
                        return store(member, entry, hash, attempt + 1);
                    }
                    return Future.failedFuture(e);
                });
    }

    private Future<Answer> enter(SqlConnection tx, Member member, ContactEntry entry) {
        Instant now = Instant.now();
        ParsedCapture typed = new ParsedCapture(CaptureSource.LINKEDIN_PROFILE, List.of(entry.person()), List.of(), null, List.of());
        return TeamMailboxes.read(tx, member, List.of())
                .compose(mailboxes -> processor.apply(tx, member, null, new CaptureProcessor.Origin(SOURCE, false), typed,
                        now, mailboxes))
                .compose(outcome -> {
                    if (outcome.people().isEmpty()) {
                        return Future.failedFuture(ApiError.badRequest(
                                "This is the address of a member of your team: colleagues are not contacts"));
                    }
                    CaptureProcessor.PersonResult result = outcome.people().get(0);
                    UUID partyId = result.partyId();
                    String status = result.status().wire();
                    Future<Void> typeSet = result.status() == CaptureProcessor.MatchStatus.NEW && entry.relationshipType() != null
                            ? tx.preparedQuery("update party set relationship_type = $2, updated_at = now() where id = $1")
                                    .execute(Tuple.of(partyId, entry.relationshipType())).mapEmpty()
                            : Future.succeededFuture();
                    return typeSet
                            .compose(v -> ContactTags.add(tx, member, partyId, entry.tags()))
                            .compose(v -> meeting(tx, member, partyId, entry.met()))
                            // the type, the tags and the meeting all change what comes next
                            .compose(meetingId -> processor.afterChange(tx, member.teamId(), List.of(partyId))
                                    .compose(v -> tx.preparedQuery("""
                                                    update contact_entry set party_id = $3, match_status = $4, meeting_id = $5
                                                     where team_id = $1 and idempotency_key = $2""")
                                            .execute(Tuple.of(member.teamId(), entry.idempotencyKey(), partyId, status, meetingId)))
                                    .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "captured", member.name()))
                                    .compose(v -> answer(tx, member, partyId, status, meetingId, false)));
                });
    }

    /** The meeting, logged as the member's; the CRM gets it as a communication event like any logged touch. */
    private static Future<UUID> meeting(SqlConnection tx, Member member, UUID partyId, ContactEntry.Met met) {
        if (met == null) {
            return Future.succeededFuture(null);
        }
        UUID eventId = UUID.randomUUID();
        String subject = met.where() == null ? "Met in person" : "Met at " + met.where();
        return LoggedTouch.insert(tx, member, partyId, eventId, "MEETING", "NONE", subject, null, null, met.at())
                .map(eventId);
    }

    private static Future<Answer> answer(io.vertx.sqlclient.SqlClient client, Member member, UUID partyId, String status,
                                         UUID meetingId, boolean replayed) {
        Future<JsonObject> meeting = meetingId == null ? Future.succeededFuture(null) : client.preparedQuery("""
                        select e.id, e.subject, e.started_at, m.name from communication_event e
                          left join team_member m on m.id = e.member_id where e.id = $1 and e.team_id = $2""")
                .execute(Tuple.of(meetingId, member.teamId()))
                .map(rows -> rows.size() == 0 ? null : meetingJson(rows.iterator().next()));
        return Future.all(ContactQueries.card(client, member.teamId(), partyId), meeting).map(both -> {
            JsonObject card = both.<java.util.Optional<JsonObject>>resultAt(0)
                    .orElseThrow(() -> new ApiError(410, "gone", "This contact was deleted after it was added."));
            JsonObject body = new JsonObject().put("status", status).put("contact", card)
                    .put("meeting", both.<JsonObject>resultAt(1)).put("replayed", replayed);
            return new Answer(!replayed && "new".equals(status) ? 201 : 200, body);
        });
    }

    private static JsonObject meetingJson(Row r) {
        return new JsonObject().put("id", r.getUUID("id").toString()).put("type", "meeting").put("direction", "none")
                .put("occurredAt", r.getOffsetDateTime("started_at").toInstant().toString())
                .put("subject", r.getString("subject")).putNull("note").put("by", r.getString("name"));
    }

    /** The key was claimed by a concurrent submit that has not answered yet. */
    private static final class DuplicateInFlight extends RuntimeException {
        DuplicateInFlight() {
            super(null, null, false, false);
        }
    }
}
