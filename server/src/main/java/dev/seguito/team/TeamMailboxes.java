package dev.seguito.team;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The team's own mailboxes: every member's address, and the addresses the capturing member says are theirs too (a
 * second mailbox in the same webmail). A message from one of them is outbound and names the member who sent it; a
 * person known only by these addresses is a colleague, never a contact. Read once per capture or import batch.
 */
public final class TeamMailboxes {

    private final Map<String, UUID> memberByEmail;

    private TeamMailboxes(Map<String, UUID> memberByEmail) {
        this.memberByEmail = memberByEmail;
    }

    /** The team's members' addresses, plus {@code capturerEmails} as the capturer's own (lower-cased). */
    public static Future<TeamMailboxes> read(SqlClient client, Member capturer, List<String> capturerEmails) {
        return client.preparedQuery("select email, id from team_member where team_id = $1")
                .execute(Tuple.of(capturer.teamId()))
                .map(rows -> {
                    Map<String, UUID> byEmail = new HashMap<>();
                    rows.forEach(r -> byEmail.put(r.getString(0).toLowerCase(Locale.ROOT), r.getUUID(1)));
                    capturerEmails.forEach(own -> byEmail.putIfAbsent(own.toLowerCase(Locale.ROOT), capturer.id()));
                    return new TeamMailboxes(byEmail);
                });
    }

    public boolean contains(String email) {
        return email != null && memberByEmail.containsKey(email);
    }

    /** The member whose mailbox this is, or null. */
    public UUID member(String email) {
        return email == null ? null : memberByEmail.get(email);
    }

    public Set<String> emails() {
        return Collections.unmodifiableSet(memberByEmail.keySet());
    }
}
