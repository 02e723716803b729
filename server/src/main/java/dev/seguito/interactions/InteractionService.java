package dev.seguito.interactions;

import dev.seguito.api.ApiError;
import dev.seguito.api.Http;
import dev.seguito.db.Transactions;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import dev.seguito.touch.InteractionType;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Touches logged by hand from the side panel (a call, a meeting, a note, a referral). Email interactions arrive
 * through captures instead, deduplicated by message id.
 */
public final class InteractionService {

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;

    /**
     * @param afterChange runs inside the same transaction once the timeline changed (recomputes the next touch)
     */
    public InteractionService(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        this.pool = pool;
        this.afterChange = afterChange;
    }

    /** A logged touch and its status: 201 when logged now, 200 when a retry found it logged already. */
    public record Logged(int status, JsonObject interaction) {
    }

    /**
     * Logs a touch. With an {@code idempotencyKey} a retried submit (a lost answer, a second click) finds the touch
     * it logged before instead of logging it twice: the key, per member, becomes the event's message id, which is
     * unique in the team as an email's is.
     */
    public Future<Logged> log(Member member, UUID partyId, JsonObject body) {
        InteractionType type = parseType(required(body, "type"));
        String direction = Http.optionalText(body, "direction", defaultDirection(type)).toUpperCase(Locale.ROOT);
        if (!direction.equals("INBOUND") && !direction.equals("OUTBOUND") && !direction.equals("NONE")) {
            throw ApiError.badRequest("direction must be \"inbound\", \"outbound\" or \"none\"");
        }
        Instant occurredAt = parseInstant(body.getString("occurredAt"));
        if (occurredAt.isAfter(Instant.now().plusSeconds(3600 * 24 * 366))) {
            throw ApiError.badRequest("occurredAt is more than a year in the future");
        }
        String note = truncate(body.getString("note"), 4000);
        String subject = truncate(body.getString("subject"), 500);
        String messageId = idempotencyKey(body).map(key -> "logged:" + member.id() + ":" + key).orElse(null);
        UUID eventId = UUID.randomUUID();
        return Transactions.withRetry(pool, tx -> tx
                .preparedQuery("select 1 from party where id = $1 and team_id = $2 and status = 'ACTIVE' for update")
                .execute(Tuple.of(partyId, member.teamId()))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                        : Future.succeededFuture())
                .compose(v -> LoggedTouch.insert(tx, member, partyId, eventId, type.name(), direction, subject, note,
                        messageId, occurredAt))
                .compose(inserted -> !inserted
                        ? loggedBefore(tx, member, partyId, messageId)
                        : afterChange.apply(tx, new ContactRef(member.teamId(), partyId))
                                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "interaction", member.name()))
                                .map(v -> new Logged(201, json(eventId, type.name(), direction, occurredAt, subject, note,
                                        member.name())))));
    }

    /** The touch a retry logged before; a key already used for another contact is refused. */
    private static Future<Logged> loggedBefore(SqlConnection tx, Member member, UUID partyId, String messageId) {
        return tx.preparedQuery("""
                        select e.id, e.event_type, e.direction, e.started_at, e.subject, e.note,
                               exists (select 1 from communication_event_party p where p.event_id = e.id and p.party_id = $3) as same
                          from communication_event e where e.team_id = $1 and e.message_id = $2""")
                .execute(Tuple.of(member.teamId(), messageId, partyId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        // logged and then erased with its contact, or merged away: nothing to answer with
                        throw new ApiError(410, "gone", "The touch logged with this idempotencyKey was deleted since.");
                    }
                    io.vertx.sqlclient.Row r = rows.iterator().next();
                    if (!r.getBoolean("same")) {
                        throw ApiError.conflict("This idempotencyKey was already used to log a touch for another contact");
                    }
                    return new Logged(200, json(r.getUUID("id"), r.getString("event_type"), r.getString("direction"),
                            r.getOffsetDateTime("started_at").toInstant(), r.getString("subject"), r.getString("note"),
                            member.name()));
                });
    }

    private static JsonObject json(UUID id, String type, String direction, Instant occurredAt, String subject,
                                   String note, String by) {
        return new JsonObject().put("id", id.toString()).put("type", type.toLowerCase(Locale.ROOT))
                .put("direction", direction.toLowerCase(Locale.ROOT)).put("occurredAt", occurredAt.toString())
                .put("subject", subject).put("note", note).put("by", by);
    }

    private static Optional<String> idempotencyKey(JsonObject body) {
        Object key = body.getValue("idempotencyKey");
        if (key == null) {
            return Optional.empty();
        }
        if (!(key instanceof String s) || s.isBlank() || s.length() > 200) {
            throw ApiError.badRequest("\"idempotencyKey\" must be a string of 1 to 200 characters");
        }
        return Optional.of(s.strip());
    }

    private static InteractionType parseType(String value) {
        try {
            return InteractionType.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("type must be one of " + java.util.Arrays.stream(InteractionType.values())
                    .map(t -> t.name().toLowerCase()).collect(java.util.stream.Collectors.joining(", ")));
        }
    }

    private static String defaultDirection(InteractionType type) {
        return switch (type) {
            case NOTE -> "NONE";
            case REFERRAL_RECEIVED -> "INBOUND";
            default -> "OUTBOUND";
        };
    }

    private static String required(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw ApiError.badRequest("\"" + field + "\" is required");
        }
        return s;
    }

    static Instant parseInstant(String value) {
        if (value == null || value.isBlank()) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException e) {
            throw ApiError.badRequest("occurredAt must be an ISO-8601 date-time with offset, e.g. 2026-11-24T09:30:00Z");
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** A contact within its team: what a change listener needs. */
    public record ContactRef(UUID teamId, UUID partyId) {
    }
}
