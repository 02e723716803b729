package dev.seguito.contacts;

import dev.seguito.api.ApiError;
import dev.seguito.db.Transactions;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.sync.Outbox;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/** Edits a person makes by hand: today, what kind of relationship this is (client, prospect, partner …). */
public final class ContactEditor {

    static final Set<String> RELATIONSHIP_TYPES = Set.of("client", "prospect", "partner", "colleague", "other");

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;

    public ContactEditor(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        this.pool = pool;
        this.afterChange = afterChange;
    }

    public Future<Void> edit(Member member, UUID partyId, JsonObject body) {
        String type = body.getValue("relationshipType") instanceof String s ? s.trim().toLowerCase() : null;
        if (type == null || !RELATIONSHIP_TYPES.contains(type)) {
            throw ApiError.badRequest("relationshipType must be one of " + RELATIONSHIP_TYPES);
        }
        return Transactions.withRetry(pool, tx -> tx.preparedQuery("""
                        update party set relationship_type = $3, updated_at = now()
                         where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON'""")
                .execute(Tuple.of(partyId, member.teamId(), type))
                .compose(rows -> rows.rowCount() == 0
                        ? Future.failedFuture(ApiError.notFound("No such contact in your team"))
                        : Outbox.append(tx, member.teamId(), partyId, "CONTACT_UPSERT", new JsonObject().put("partyId", partyId.toString())))
                .compose(v -> afterChange.apply(tx, new ContactRef(member.teamId(), partyId)))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "updated", member.name())));
    }
}
