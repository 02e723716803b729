package dev.seguito.contacts;

import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;
import java.util.function.BiFunction;

/**
 * What follows every correction by hand, in its transaction: the CRM is told, the next touch is worked out again,
 * and the team's open side panels hear who changed the contact.
 */
final class EditedContact {

    private EditedContact() {
    }

    static Future<Void> announce(SqlConnection tx, Member member, UUID partyId,
                                 BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        return Outbox.append(tx, member.teamId(), partyId, "CONTACT_UPSERT", new JsonObject().put("partyId", partyId.toString()))
                .compose(v -> afterChange.apply(tx, new ContactRef(member.teamId(), partyId)))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "updated", member.name()));
    }
}
