package dev.seguito.bench;

import dev.seguito.db.DatabaseLocation;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * The baseline for the sidebar look-up: one prepared query and a small JSON answer on a {@link BareServer}; no
 * card assembly.
 */
public final class BareLookupServer implements AutoCloseable {

    private static final String BY_SLUG = """
            select p.id, pe.full_name, pe.title, pe.linkedin_slug from person pe join party p on p.id = pe.party_id
             where pe.team_id = $1 and pe.linkedin_slug = $2 and p.status = 'ACTIVE'""";
    private static final String BY_EMAIL = """
            select p.id, pe.full_name, pe.title, pe.linkedin_slug from contact_mech cm
              join party_contact_mech pcm on pcm.contact_mech_id = cm.id and pcm.thru_date is null
              join party p on p.id = pcm.party_id and p.status = 'ACTIVE'
              join person pe on pe.party_id = p.id
             where cm.team_id = $1 and cm.contact_mech_type = 'EMAIL_ADDRESS' and cm.info_string = $2 limit 1""";

    private final BareServer server;
    private final UUID teamId;

    public BareLookupServer(DatabaseLocation db, UUID teamId, int poolSize) {
        this.teamId = teamId;
        this.server = new BareServer(db, poolSize, this::handle);
    }

    public int port() {
        return server.port();
    }

    private void handle(Pool pool, HttpServerRequest req) {
        String slug = req.getParam("slug");
        String email = req.getParam("email");
        pool.preparedQuery(slug != null ? BY_SLUG : BY_EMAIL).execute(Tuple.of(teamId, slug != null ? slug : email))
                .onSuccess(rows -> {
                    if (rows.size() == 0) {
                        req.response().setStatusCode(404).end();
                        return;
                    }
                    Row r = rows.iterator().next();
                    req.response().putHeader("content-type", "application/json").end(new JsonObject()
                            .put("id", r.getUUID(0).toString()).put("displayName", r.getString(1))
                            .put("title", r.getString(2)).put("linkedinSlug", r.getString(3)).encode());
                })
                .onFailure(e -> req.response().setStatusCode(500).end(e.getMessage()));
    }

    @Override
    public void close() {
        server.close();
    }
}
