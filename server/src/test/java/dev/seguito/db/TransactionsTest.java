package dev.seguito.db;

import dev.seguito.testing.TestPool;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A real deadlock between two PostgreSQL sessions, and what {@link Transactions#withRetry} makes of it. */
class TransactionsTest {

    private static TestPool sql;
    private static Pool pool;

    @BeforeAll
    static void start() {
        sql = TestPool.onSharedDatabase();
        pool = sql.pool();
    }

    @AfterAll
    static void stop() {
        pool.query("drop table if exists transactions_test_counter").execute().await();
        sql.close();
    }

    @BeforeEach
    void twoRows() {
        pool.query("create table if not exists transactions_test_counter (id int primary key, n int not null)").execute().await();
        pool.query("truncate transactions_test_counter").execute().await();
        pool.query("insert into transactions_test_counter values (1, 0), (2, 0)").execute().await();
    }

    @Test
    void aDeadlockVictimRunsAgainAndBothChangesLand() {
        SqlConnection other = pool.getConnection().await();
        try {
            int otherPid = other.query("select pg_backend_pid()").execute().await().iterator().next().getInteger(0);
            other.query("begin").execute().await();
            other.query("set local deadlock_timeout = '10s'").execute().await();
            other.query("update transactions_test_counter set n = n + 1 where id = 1").execute().await();
            AtomicInteger attempts = new AtomicInteger();
            Promise<Void> otherCommitted = Promise.promise();

            Future<Void> retried = Transactions.withRetry(pool, tx -> {
                boolean first = attempts.incrementAndGet() == 1;
                // the first attempt is the one PostgreSQL finds in the cycle: it checks after 100 ms, the other after 10 s
                // a second attempt starts once the other session has row 2 and committed: started sooner, it could
                // take row 2 before the woken session does and deadlock again
                Future<Void> setUp = first
                        ? tx.query("set local deadlock_timeout = '100ms'").execute().mapEmpty()
                        : otherCommitted.future();
                return setUp.compose(v -> tx.query("update transactions_test_counter set n = n + 10 where id = 2").execute())
                        .compose(v -> {
                            if (first) {
                                // the other session now waits for row 2, then commits once it has it
                                other.query("update transactions_test_counter set n = n + 1 where id = 2").execute()
                                        .compose(done -> other.query("commit").execute())
                                        .<Void>mapEmpty().onComplete(otherCommitted);
                                return waitingForALock(otherPid)
                                        .compose(w -> tx.query("update transactions_test_counter set n = n + 10 where id = 1").execute());
                            }
                            return tx.query("update transactions_test_counter set n = n + 10 where id = 1").execute();
                        })
                        .mapEmpty();
            });

            retried.await();
            assertThat(attempts).hasValue(2);
            assertThat(counters()).containsExactly(11, 11);
        } finally {
            other.close().await();
        }
    }

    @Test
    void otherErrorsAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        Future<Void> failed = Transactions.withRetry(pool, tx -> {
            attempts.incrementAndGet();
            return tx.query("insert into transactions_test_counter values (1, 5)").execute().mapEmpty();
        });

        assertThatThrownBy(failed::await).isInstanceOf(PgException.class).satisfies(e -> assertThat(PgErrors.isUniqueViolation(e)).isTrue());
        assertThat(attempts).hasValue(1);
        assertThat(counters()).containsExactly(0, 0);
    }

    @Test
    void aTransactionThatKeepsDeadlockingFailsAfterThreeAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        Future<Void> failed = Transactions.withRetry(pool, tx -> {
            attempts.incrementAndGet();
            return tx.query("update transactions_test_counter set n = n + 1 where id = 1").execute()
                    .compose(v -> tx.query("do $$ begin raise exception 'chosen as victim' using errcode = '40P01'; end $$")
                            .execute())
                    .mapEmpty();
        });

        assertThatThrownBy(failed::await).satisfies(e -> assertThat(PgErrors.isRetryable(e)).isTrue());
        assertThat(attempts).hasValue(Transactions.ATTEMPTS);
        assertThat(counters()).containsExactly(0, 0);
    }

    private static Future<Void> waitingForALock(int pid) {
        return pool.preparedQuery("select wait_event_type = 'Lock' from pg_stat_activity where pid = $1")
                .execute(Tuple.of(pid))
                .compose(rows -> Boolean.TRUE.equals(rows.iterator().next().getBoolean(0))
                        ? Future.succeededFuture()
                        : sleep().compose(v -> waitingForALock(pid)));
    }

    private static Future<Void> sleep() {
        return Future.future(p -> sql.vertx().setTimer(10, id -> p.complete()));
    }

    private static List<Integer> counters() {
        List<Integer> values = new java.util.ArrayList<>();
        pool.query("select n from transactions_test_counter order by id").execute().await().forEach(r -> values.add(r.getInteger(0)));
        return values;
    }
}
