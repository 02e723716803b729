package dev.seguito.sync;

import dev.seguito.testing.TestPool;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
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

    private static TestPool sql;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() {
        sql = TestPool.onItsOwnDatabase();
        vertx = sql.vertx();
        pool = sql.pool();
    }

    @AfterAll
    static void stop() {
        sql.close();
    }

    @Test
    void aContactsLaterChangeWaitsUntilItsEarlierOneIsDelivered() {
        UUID team = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID luca = UUID.randomUUID();
        List<UUID> order = List.of(anna, luca, anna, anna, luca);
        for (UUID contact : order) {
            queue(team, contact, "CONTACT_DELETE");
        }

        Rounds rounds = deliverInFourRounds();

        // queued: anna 1, luca 1, anna 2, anna 3, luca 2 — each round takes at most one change per contact
        assertThat(rounds.claimed()).containsExactly(2, 2, 1, 0);
        assertThat(rounds.sent().get(0)).containsExactly(anna, luca);
        assertThat(rounds.sent().get(1)).containsExactly(anna, luca);
        assertThat(rounds.sent().get(2)).containsExactly(anna);
    }

    @Test
    void aContactsQueuedUpsertsAreSentOnceUpToItsNextChangeOfAnotherKind() {
        UUID team = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        UUID luca = UUID.randomUUID();
        queue(team, anna, "CONTACT_UPSERT");
        queue(team, anna, "CONTACT_UPSERT");
        queue(team, luca, "CONTACT_UPSERT");
        queue(team, anna, "CONTACT_UPSERT");
        queue(team, anna, "CONTACT_DELETE");
        queue(team, anna, "CONTACT_UPSERT");
        queue(team, anna, "CONTACT_UPSERT");

        Rounds rounds = deliverInFourRounds();

        // anna's first upsert carries her second and fourth row; the deletion is not jumped; after it, one upsert
        // carries the last two
        assertThat(rounds.claimed()).containsExactly(2, 1, 1, 0);
        assertThat(rounds.sent().get(0)).containsExactly(anna, luca);
        assertThat(rounds.sent().get(1)).containsExactly(anna);
        assertThat(rounds.sent().get(2)).containsExactly(anna);
        assertThat(pool.preparedQuery("select count(*) from outbox where team_id = $1 and delivered_at is null")
                .execute(Tuple.of(team)).await().iterator().next().getLong(0)).isZero();
    }

    @Test
    void upsertsQueuedBehindAFailedDeliveryStayQueued() {
        UUID team = UUID.randomUUID();
        UUID anna = UUID.randomUUID();
        queue(team, anna, "CONTACT_UPSERT");
        queue(team, anna, "CONTACT_UPSERT");
        OutboxWorker worker = new OutboxWorker(vertx, pool, new RecordingConnector(new ArrayList<>(List.of(new ArrayList<>())), CrmResult.retryable("connection refused")), 3_600_000);
        try {
            assertThat(worker.deliverBatch().await()).isEqualTo(1);

            var rows = pool.preparedQuery("select attempts, delivered_at is null as pending from outbox where team_id = $1 order by id")
                    .execute(Tuple.of(team)).await();
            List<String> states = new ArrayList<>();
            rows.forEach(r -> states.add(r.getInteger("attempts") + (r.getBoolean("pending") ? " pending" : " delivered")));
            assertThat(states).containsExactly("1 pending", "0 pending");
        } finally {
            worker.close();
            pool.preparedQuery("delete from outbox where team_id = $1").execute(Tuple.of(team)).await();
        }
    }

    /** How many rows each of four delivery rounds claimed, and which contacts each sent. */
    private record Rounds(List<Integer> claimed, List<List<UUID>> sent) {
    }

    private static Rounds deliverInFourRounds() {
        List<List<UUID>> sent = new ArrayList<>();
        List<Integer> claimed = new ArrayList<>();
        OutboxWorker worker = new OutboxWorker(vertx, pool, new RecordingConnector(sent), 3_600_000);
        try {
            for (int i = 0; i < 4; i++) {
                sent.add(new ArrayList<>());
                claimed.add(worker.deliverBatch().await());
            }
        } finally {
            worker.close();
        }
        return new Rounds(claimed, sent);
    }

    private static void queue(UUID team, UUID contact, String kind) {
        pool.preparedQuery("insert into outbox (team_id, aggregate_id, kind, payload) values ($1, $2, $3, $4)")
                .execute(Tuple.of(team, contact, kind, new JsonObject().put("partyId", contact.toString()))).await();
    }

    /** Records which contacts each round delivered, and answers every delivery the same. */
    private record RecordingConnector(List<List<UUID>> rounds, CrmResult answer) implements CrmConnector {

        RecordingConnector(List<List<UUID>> rounds) {
            this(rounds, CrmResult.delivered());
        }

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
            return Future.succeededFuture(answer);
        }
    }
}
