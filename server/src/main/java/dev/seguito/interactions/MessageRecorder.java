package dev.seguito.interactions;

import dev.seguito.db.Sequential;
import dev.seguito.parse.EmailAddress;
import dev.seguito.parse.ParsedMessage;
import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import dev.seguito.team.TeamMailboxes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a thread's messages into email interactions. A message is identified by its Message-ID (or the parser's
 * stable hash), unique per team, so capturing the same thread twice, or by two colleagues, adds nothing. A message
 * sent from a team member's address is outbound.
 */
public final class MessageRecorder {

    private static final int NOTE_LIMIT = 1000;

    private MessageRecorder() {
    }

    /** Answers the contacts whose timeline gained an event. */
    public static Future<Set<UUID>> record(SqlConnection tx, Member capturer, UUID captureId, List<ParsedMessage> messages,
                                           TeamMailboxes mailboxes, Map<String, UUID> partyByEmail) {
        Set<UUID> touched = new HashSet<>();
        List<ParsedMessage> real = messages.stream().filter(m -> !m.bounce() && m.from() != null).toList();
        return Sequential.each(real, m -> {
            Map<UUID, String> roles = participants(m, partyByEmail);
            if (roles.isEmpty()) {
                return Future.succeededFuture();
            }
            boolean outbound = mailboxes.contains(m.from().address());
            UUID memberId = outbound ? mailboxes.member(m.from().address()) : recipientMember(m, mailboxes, capturer.id());
            UUID eventId = UUID.randomUUID();
            Instant sentAt = m.sentAt() == null ? Instant.now() : m.sentAt();
            return tx.preparedQuery("""
                            insert into communication_event (id, team_id, event_type, direction, member_id, subject, note,
                                                             message_id, started_at, capture_id)
                            values ($1, $2, 'EMAIL', $3, $4, $5, $6, $7, $8, $9)
                            on conflict (team_id, message_id) where message_id is not null do nothing""")
                    .execute(Tuple.from(new Object[]{eventId, capturer.teamId(), outbound ? "OUTBOUND" : "INBOUND",
                            memberId, limit(m.subject(), 500), limit(m.replyText(), NOTE_LIMIT), m.messageId(),
                            OffsetDateTime.ofInstant(sentAt, ZoneOffset.UTC), captureId}))
                    .compose(rows -> {
                        if (rows.rowCount() == 0) {
                            return Future.succeededFuture();
                        }
                        List<Tuple> links = new ArrayList<>();
                        roles.forEach((party, role) -> links.add(Tuple.of(eventId, party, capturer.teamId(), role)));
                        touched.addAll(roles.keySet());
                        return tx.preparedQuery("""
                                        insert into communication_event_party (event_id, party_id, team_id, role)
                                        values ($1, $2, $3, $4)""")
                                .executeBatch(links)
                                .compose(v -> Outbox.append(tx, capturer.teamId(), roles.keySet().iterator().next(),
                                        "INTERACTION_CREATE", new JsonObject().put("eventId", eventId.toString())));
                    });
        }).map(v -> touched);
    }

    private static Map<UUID, String> participants(ParsedMessage m, Map<String, UUID> partyByEmail) {
        Map<UUID, String> roles = new LinkedHashMap<>();
        add(roles, partyByEmail, List.of(m.from()), "FROM");
        add(roles, partyByEmail, m.to(), "TO");
        add(roles, partyByEmail, m.cc(), "CC");
        return roles;
    }

    private static void add(Map<UUID, String> roles, Map<String, UUID> partyByEmail, List<EmailAddress> addresses, String role) {
        for (EmailAddress a : addresses) {
            UUID party = a == null ? null : partyByEmail.get(a.address());
            if (party != null) {
                roles.putIfAbsent(party, role);
            }
        }
    }

    /** The member an inbound message was written to; the capturer when no member is among its recipients. */
    private static UUID recipientMember(ParsedMessage m, TeamMailboxes mailboxes, UUID fallback) {
        for (EmailAddress a : m.to()) {
            if (mailboxes.contains(a.address())) {
                return mailboxes.member(a.address());
            }
        }
        for (EmailAddress a : m.cc()) {
            if (mailboxes.contains(a.address())) {
                return mailboxes.member(a.address());
            }
        }
        return fallback;
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
