package dev.seguito.bench;

import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.Sql;
import dev.seguito.touch.NextTouchService;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.sqlclient.Pool;
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
    private final long countUpTo;

    /** @param params the agenda statement's; the fifth is where its count stops */
    BareAgendaServer(DatabaseLocation db, int poolSize, Tuple params) {
        this.params = params;
        this.countUpTo = params.getLong(4);
        this.server = new BareServer(db, poolSize, this::handle);
    }

    int port() {
        return server.port();
    }

    private void handle(Pool pool, HttpServerRequest req) {
        pool.preparedQuery(AGENDA).execute(params)
                .onSuccess(rows -> req.response().putHeader("content-type", "application/json")
                        .end(NextTouchService.agendaPage(rows, countUpTo).encode()))
                .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage()));
    }

    @Override
    public void close() {
        server.close();
    }
}
