package dev.seguito.sync;

import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim takes only the oldest pending change of each contact, so a CRM never sees a contact's second change
 * before its first, and stays one index probe per row however stale the statistics (a bulk import's backlog).
 * On a database of its own: a running server's worker would take the rows first.
 */
class OutboxClaimTest {

    private static EmbeddedDatabase db;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        db = TestDatabase.dedicated();
        vertx = Vertx.vertx();
        pool = PgBuilder.pool().connectingTo(db.location().connectOptions()).using(vertx).build();
    }

    @AfterAll
    static void stop() {
        pool.close().await();
        vertx.close().await();
        db.close();
    }

    @Test
    void aContactsLaterChangeWaitsUntilItsEarlierOneIsDelivered() {
        UUID team = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID luca = UUID.randomUUID();
        List<UUID> order = List.of(anna, luca, anna, anna, luca);
        for (UUID contact : order) {
            pool.preparedQuery("insert into outbox (team_id, aggregate_id, kind, payload) values ($1, $2, 'CONTACT_DELETE', $3)")
                    .execute(Tuple.of(team, contact, new JsonObject().put("partyId", contact.toString()))).await();
        }
        List<List<UUID>> rounds = new ArrayList<>();
        OutboxWorker worker = new OutboxWorker(vertx, pool, new RecordingConnector(rounds), 3_600_000);
        try {
            List<Integer> claimed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                rounds.add(new ArrayList<>());
                claimed.add(worker.deliverBatch().await());
            }

            // queued: anna 1, luca 1, anna 2, anna 3, luca 2 — each round takes at most one change per contact
            assertThat(claimed).containsExactly(2, 2, 1, 0);
            assertThat(rounds.get(0)).containsExactly(anna, luca);
            assertThat(rounds.get(1)).containsExactly(anna, luca);
            assertThat(rounds.get(2)).containsExactly(anna);
        } finally {
            worker.close();
        }
    }

    /** Records which contacts each round delivered; every delivery succeeds. */
    private record RecordingConnector(List<List<UUID>> rounds) implements CrmConnector {
        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Future<Void> checkConnection() {
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> install() {
            return Future.succeededFuture();
        }

        @Override
        public Future<CrmResult> deliver(SyncRecord record) {
            rounds.get(rounds.size() - 1).add(UUID.fromString(record.externalId()));
            return Future.succeededFuture(CrmResult.delivered());
        }
    }
}
