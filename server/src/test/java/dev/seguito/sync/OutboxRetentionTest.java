package dev.seguito.sync;

import dev.seguito.testing.TestPool;
import io.vertx.core.Future;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivered outbox rows go {@link OutboxRetention#KEEP_DELIVERED} after delivery; what still needs delivering or
 * someone's attention stays. On a database of its own: other tests' rows would be deleted, or count.
 */
class OutboxRetentionTest {

    private static TestPool sql;

    @BeforeAll
    static void start() {
        sql = TestPool.onItsOwnDatabase();
    }

    @AfterAll
    static void stop() {
        sql.close();
    }

    @Test
    void onlyRowsDeliveredBeforeTheWindowAreDeleted() {
        UUID team = UUID.randomUUID();
        long deliveredLongAgo = row(team, "delivered_at = now() - interval '31 days'");
        long deliveredLately = row(team, "delivered_at = now() - interval '29 days'");
        long pendingFromLongAgo = row(team, "created_at = now() - interval '90 days'");
        long deadLongAgo = row(team, "dead_at = now() - interval '90 days', attempts = 12");

        int deleted = OutboxRetention.of(sql.vertx(), sql.pool()).runOnce().await();

        assertThat(deleted).isEqualTo(1);
        assertThat(remaining()).containsExactlyInAnyOrder(deliveredLately, pendingFromLongAgo, deadLongAgo)
                .doesNotContain(deliveredLongAgo);
    }

    @Test
    void twoProcessesPurgingAtOnceDeleteEachRowOnceAndMoreThanABatchInARun() {
        UUID team = UUID.randomUUID();
        sql.pool().preparedQuery("""
                        insert into outbox (team_id, aggregate_id, kind, payload, delivered_at)
                        select $1, gen_random_uuid(), 'CONTACT_UPSERT', '{}'::jsonb, now() - interval '40 days'
                          from generate_series(1, 1200)""")
                .execute(Tuple.of(team)).await();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        var first = OutboxRetention.of(sql.vertx(), sql.pool(), OutboxRetention.KEEP_DELIVERED, () -> now);
        var second = OutboxRetention.of(sql.vertx(), sql.pool(), OutboxRetention.KEEP_DELIVERED, () -> now);

        List<Integer> deleted = Future.all(first.runOnce(), second.runOnce()).await().list();

        assertThat(deleted.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1200);
        assertThat(count(team)).isZero();
    }

    private static long row(UUID team, String assignments) {
        long id = sql.pool().preparedQuery("""
                        insert into outbox (team_id, aggregate_id, kind, payload) values ($1, $2, 'CONTACT_UPSERT', '{}')
                        returning id""")
                .execute(Tuple.of(team, UUID.randomUUID())).await().iterator().next().getLong(0);
        sql.pool().preparedQuery("update outbox set " + assignments + " where id = $1").execute(Tuple.of(id)).await();
        return id;
    }

    private static List<Long> remaining() {
        List<Long> ids = new ArrayList<>();
        sql.pool().query("select id from outbox").execute().await().forEach(r -> ids.add(r.getLong(0)));
        return ids;
    }

    private static long count(UUID team) {
        return sql.pool().preparedQuery("select count(*) from outbox where team_id = $1").execute(Tuple.of(team))
                .await().iterator().next().getLong(0);
    }
}
