package dev.seguito.sync;

import dev.seguito.api.ApiError;
import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;
import dev.seguito.team.TeamService;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** What an admin sees and can do about CRM sync: backlog, failures with their reasons, retry. */
public final class SyncAdmin {

    private final Pool pool;
    private final String connectorName;

    public SyncAdmin(Pool pool, String connectorName) {
        this.pool = pool;
        this.connectorName = connectorName;
    }

    public Future<JsonObject> status(Member admin) {
        admin.requireAdmin(TeamService.ADMINS_ONLY);
        return pool.preparedQuery("""
                        select count(*) filter (where delivered_at is null and dead_at is null) as backlog,
                               count(*) filter (where delivered_at is null and dead_at is null and attempts > 0) as retrying,
                               count(*) filter (where dead_at is not null) as dead,
                               count(*) filter (where delivered_at is not null) as delivered,
                               max(delivered_at) as last_delivered
                          from outbox where team_id = $1""")
                .execute(Tuple.of(admin.teamId()))
                .compose(rows -> {
                    Row r = rows.iterator().next();
                    JsonObject status = new JsonObject().put("connector", connectorName)
                            .put("backlog", r.getLong("backlog")).put("retrying", r.getLong("retrying"))
                            .put("dead", r.getLong("dead")).put("delivered", r.getLong("delivered"))
                            .put("lastDelivered", r.getOffsetDateTime("last_delivered") == null ? null
                                    : r.getOffsetDateTime("last_delivered").toInstant().toString());
                    return pool.preparedQuery("""
                                    select id, kind, aggregate_id, attempts, last_error, dead_at, available_at
                                      from outbox where team_id = $1 and delivered_at is null
                                       and (dead_at is not null or attempts > 0)
                                     order by id desc limit 50""")
                            .execute(Tuple.of(admin.teamId()))
                            .map(failures -> {
                                JsonArray items = new JsonArray();
                                failures.forEach(f -> items.add(new JsonObject().put("id", f.getLong("id"))
                                        .put("kind", f.getString("kind")).put("contactId", f.getUUID("aggregate_id").toString())
                                        .put("attempts", f.getInteger("attempts")).put("reason", f.getString("last_error"))
                                        .put("dead", f.getOffsetDateTime("dead_at") != null)
                                        .put("nextAttempt", f.getOffsetDateTime("dead_at") != null ? null
                                                : f.getOffsetDateTime("available_at").toInstant().toString())));
                                return status.put("failures", items);
                            });
                });
    }

    /** Puts dead-lettered rows (one, or all of the team's) back in the queue, due now. */
    public Future<JsonObject> retry(Member admin, Long id) {
        admin.requireAdmin(TeamService.ADMINS_ONLY);
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        update outbox set dead_at = null, attempts = 0, available_at = now()
                         where team_id = $1 and delivered_at is null and ($2::bigint is null or id = $2)
                           and (dead_at is not null or attempts > 0)""")
                .execute(Tuple.of(admin.teamId(), id))
                .compose(rows -> id != null && rows.rowCount() == 0
                        ? Future.failedFuture(ApiError.notFound("No failed outbox row " + id + " in your team"))
                        : AuditLog.record(tx, admin, "sync.retry", new JsonObject().put("id", id).put("rows", rows.rowCount()))
                        .map(new JsonObject().put("requeued", rows.rowCount()))));
    }

}
