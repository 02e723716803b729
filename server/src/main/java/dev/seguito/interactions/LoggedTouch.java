package dev.seguito.interactions;

import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A touch a member records by hand (a call, a note, the meeting typed with a new contact), written the one way all
 * of them are: the event as the member's, the contact as its one participant, and the outbox row that sends it to
 * the CRM as a communication event.
 */
public final class LoggedTouch {

    private LoggedTouch() {
    }

    /**
     * Writes the touch in {@code tx}; false, and nothing written, when {@code messageId} (a retry's key) is taken
     * already in the team.
     */
    public static Future<Boolean> insert(SqlConnection tx, Member member, UUID partyId, UUID eventId, String type,
                                         String direction, String subject, String note, String messageId,
                                         Instant occurredAt) {
        return tx.preparedQuery("""
                        insert into communication_event (id, team_id, event_type, direction, member_id, subject, note,
                                                         message_id, started_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict do nothing""")
                .execute(Tuple.from(new Object[]{eventId, member.teamId(), type, direction, member.id(), subject, note,
                        messageId, OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC)}))
                .compose(inserted -> inserted.rowCount() == 0
                        ? Future.succeededFuture(false)
                        : tx.preparedQuery("""
                                        insert into communication_event_party (event_id, party_id, team_id, role)
                                        values ($1, $2, $3, 'PARTICIPANT')""")
                                .execute(Tuple.of(eventId, partyId, member.teamId()))
                                .compose(v -> Outbox.append(tx, member.teamId(), partyId, "INTERACTION_CREATE",
                                        new JsonObject().put("eventId", eventId.toString()).put("partyId", partyId.toString())))
                                .map(true));
    }
}
