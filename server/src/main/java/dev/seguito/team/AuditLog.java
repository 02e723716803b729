package dev.seguito.team;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * Who did what in a team: member and token changes, policy changes, merges, erasures, corrections, CRM retries.
 * Entries hold ids and counts, never a contact's personal data, so erasing a contact leaves its audit trail
 * (docs/privacy.md). Written in the transaction of the action it records; read by team admins.
 */
public final class AuditLog {

    private final Pool pool;

    public AuditLog(Pool pool) {
        this.pool = pool;
    }

    /** Records an action in the caller's transaction, so it is logged if and only if it happened. */
    public static Future<Void> record(SqlClient client, Member who, String action, JsonObject detail) {
        return client.preparedQuery("insert into audit_log (team_id, member_id, action, detail) values ($1, $2, $3, $4)")
                .execute(Tuple.of(who.teamId(), who.id(), action, detail))
                .mapEmpty();
    }

    /**
     * The team's entries newest first, {@code limit} at a time; {@code before} is the {@code next} of the page
     * before (an entry id), or null for the newest.
     */
    public Future<JsonObject> recent(Member admin, int limit, Long before) {
        admin.requireAdmin("The audit log is for team admins");
        return pool.preparedQuery("""
                        select a.id, a.at, a.action, a.detail, m.name
                          from audit_log a left join team_member m on m.id = a.member_id
                         where a.team_id = $1 and ($2::bigint is null or a.id < $2)
                         order by a.id desc
                         limit $3""")
                .execute(Tuple.of(admin.teamId(), before, limit + 1))
                .map(rows -> {
                    JsonArray items = new JsonArray();
                    Long next = null;
                    for (Row r : rows) {
                        if (items.size() == limit) {
                            next = items.getJsonObject(limit - 1).getLong("id");
                            break;
                        }
                        items.add(new JsonObject().put("id", r.getLong("id"))
                                .put("at", r.getOffsetDateTime("at").toInstant().toString())
                                .put("action", r.getString("action")).put("by", r.getString("name"))
                                .put("detail", r.getValue("detail")));
                    }
                    return new JsonObject().put("items", items).put("next", next);
                });
    }
}
