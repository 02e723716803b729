package dev.seguito.db;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.RunningServer;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link SharedWindows}: two instances on one database stand for two server processes. */
class SharedWindowsTest {

    @RunningServer
    private static SeguitoServer server;

    private final String key = "test:" + UUID.randomUUID();

    /** The tests on the system clock count and share within one of its minutes. */
    @org.junit.jupiter.api.BeforeEach
    void roomInThisMinute() throws InterruptedException {
        long intoMinute = System.currentTimeMillis() % 60_000;
        if (intoMinute > 55_000) {
            Thread.sleep(60_500 - intoMinute);
        }
    }

    @Test
    void whatOneProcessCountedIsInTheOthersCountOnceBothHaveShared() {
        SharedWindows one = new SharedWindows(System::currentTimeMillis);
        SharedWindows two = new SharedWindows(System::currentTimeMillis);
        for (int i = 0; i < 3; i++) {
            one.add(key);
        }
        two.add(key);
        assertThat(two.add(key)).as("before sharing, each counts alone").isEqualTo(2);

        one.share(server.pool()).await();
        two.share(server.pool()).await();
        one.share(server.pool()).await();

        assertThat(one.count(key)).isEqualTo(5);
        assertThat(two.count(key)).isEqualTo(5);
        assertThat(two.add(key)).as("and goes on counting from there").isEqualTo(6);
        assertThat(stored(key)).isEqualTo(5);
    }

    @Test
    void aShareThatCannotReachTheDatabaseKeepsItsCountForTheNext() {
        SharedWindows one = new SharedWindows(System::currentTimeMillis);
        one.add(key);
        one.add(key);
        Pool unreachable = PgBuilder.pool().connectingTo(new PgConnectOptions().setPort(1).setHost("127.0.0.1")
                .setDatabase("none").setUser("none").setPassword("none")).using(server.vertx()).build();
        try {
            var attempt = one.share(unreachable);
            attempt.otherwiseEmpty().await();
            assertThat(attempt.failed()).isTrue();
        } finally {
            unreachable.close().await();
        }
        assertThat(one.count(key)).as("still counted here").isEqualTo(2);

        one.share(server.pool()).await();

        assertThat(stored(key)).as("and shared once the database is back").isEqualTo(2);
        assertThat(one.count(key)).isEqualTo(2);
    }

    @Test
    void eachMinuteStartsAtZeroAndTheWindowsBeforeTheLastAreForgotten() {
        // ten days ahead, so that the running server's own clean-up of old windows leaves these alone
        AtomicLong millis = new AtomicLong((System.currentTimeMillis() / 60_000 + Duration.ofDays(10).toMinutes()) * 60_000);
        SharedWindows one = new SharedWindows(millis::get);
        long firstMinute = millis.get() / 60_000;
        one.add(key);
        one.share(server.pool()).await();
        assertThat(stored(key, firstMinute)).isEqualTo(1);

        millis.addAndGet(Duration.ofMinutes(2).toMillis());
        assertThat(one.count(key)).as("a new minute").isZero();
        one.add(key);
        one.share(server.pool()).await();

        assertThat(stored(key, firstMinute)).as("two minutes ago: forgotten").isNull();
        assertThat(stored(key, firstMinute + 2)).isEqualTo(1);
        assertThat(one.secondsLeft()).isEqualTo(60);
    }

    private static Integer stored(String key) {
        return stored(key, System.currentTimeMillis() / 60_000);
    }

    private static Integer stored(String key, long minute) {
        var rows = server.pool().preparedQuery("select count from request_window where key = $1 and window_minute = $2")
                .execute(Tuple.of(key, minute)).await();
        return rows.size() == 0 ? null : rows.iterator().next().getInteger(0);
    }
}
