package dev.seguito.bench;

import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.Sql;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * The baseline for the agenda's HTTP side: the agenda statement Seguito runs, with the same parameters, its 50 rows
 * as the same JSON, on a {@link BareServer}: no router, authentication, rate limit, policy read or metrics. What
 * Seguito's API costs beyond this is its own; what this costs beyond the statement alone is HTTP's on this machine.
 */
final class BareAgendaServer implements AutoCloseable {

    private static final String AGENDA = Sql.load("agenda");

    private final BareServer server;
    private final Tuple params;

    BareAgendaServer(DatabaseLocation db, int poolSize, Tuple params) {
        this.params = params;
        this.server = new BareServer(db, poolSize, this::handle);
    }

    int port() {
        return server.port();
    }

    private void handle(Pool pool, HttpServerRequest req) {
        pool.preparedQuery(AGENDA).execute(params)
                .onSuccess(rows -> {
                    JsonArray items = new JsonArray();
                    long total = 0;
                    for (Row r : rows) {
                        total = r.getLong("total");
                        items.add(new JsonObject().put("contactId", r.getUUID("party_id").toString())
                                .put("displayName", r.getString("full_name")).put("company", r.getString("company"))
                                .put("rule", r.getString("rule_id")).put("action", r.getString("action"))
                                .put("channel", r.getString("channel"))
                                .put("dueAt", r.getOffsetDateTime("due_at").toInstant().toString())
                                .put("priority", r.getShort("priority")).put("reason", r.getString("reason"))
                                .put("touchedBy", r.getString("touched_by")));
                    }
                    req.response().putHeader("content-type", "application/json")
                            .end(new JsonObject().put("items", items).put("total", total).encode());
                })
                .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage()));
    }

    @Override
    public void close() {
        server.close();
    }
}
