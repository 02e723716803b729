package dev.seguito.interactions;

import dev.seguito.api.ApiError;
import dev.seguito.api.Http;
import dev.seguito.db.Transactions;
import dev.seguito.sync.Outbox;
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
import java.time.ZoneOffset;
import java.util.Locale;
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

    public Future<JsonObject> log(Member member, UUID partyId, JsonObject body) {
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
        UUID eventId = UUID.randomUUID();
        return Transactions.withRetry(pool, tx -> tx
                .preparedQuery("select 1 from party where id = $1 and team_id = $2 and status = 'ACTIVE' for update")
                .execute(Tuple.of(partyId, member.teamId()))
                .compose(rows -> rows.size() == 0
                        ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                        : Future.succeededFuture())
                .compose(v -> tx.preparedQuery("""
                                insert into communication_event (id, team_id, event_type, direction, member_id, subject, note, started_at)
                                values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                        .execute(Tuple.from(new Object[]{eventId, member.teamId(), type.name(), direction, member.id(),
                                subject, note, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC)})))
                .compose(v -> tx.preparedQuery("""
                                insert into communication_event_party (event_id, party_id, team_id, role)
                                values ($1, $2, $3, 'PARTICIPANT')""")
                        .execute(Tuple.of(eventId, partyId, member.teamId())))
                .compose(v -> Outbox.append(tx, member.teamId(), partyId, "INTERACTION_CREATE",
                        new JsonObject().put("eventId", eventId.toString()).put("partyId", partyId.toString())))
                .compose(v -> afterChange.apply(tx, new ContactRef(member.teamId(), partyId)))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "interaction", member.name()))
                .map(v -> new JsonObject().put("id", eventId.toString()).put("type", type.name().toLowerCase())
                        .put("direction", direction.toLowerCase()).put("occurredAt", occurredAt.toString())
                        .put("subject", subject).put("note", note).put("by", member.name())));
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
