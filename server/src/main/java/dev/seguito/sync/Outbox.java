package dev.seguito.sync;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Writes outbox rows inside the caller's transaction, so a change and the promise to send it to the CRM commit or
 * roll back together. Delivery happens in a separate worker.
 */
public final class Outbox {

    private Outbox() {
    }

    public static Future<Void> append(SqlClient tx, UUID teamId, UUID aggregateId, String kind, JsonObject payload) {
        return tx.preparedQuery("insert into outbox (team_id, aggregate_id, kind, payload) values ($1, $2, $3, $4)")
                .execute(Tuple.of(teamId, aggregateId, kind, payload))
                .mapEmpty();
    }

    /** {@link #append} of a {@code {"partyId": …}} row of one kind for each contact, in one statement. */
    public static Future<Void> appendForEach(SqlClient tx, UUID teamId, java.util.List<UUID> partyIds, String kind) {
        if (partyIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery("""
                        insert into outbox (team_id, aggregate_id, kind, payload)
                        select $1, id, $3, jsonb_build_object('partyId', id::text)
                          from unnest($2::uuid[]) with ordinality as t(id, n) order by n""")
                .execute(Tuple.from(new Object[]{teamId, partyIds.toArray(new UUID[0]), kind}))
                .mapEmpty();
    }
}
