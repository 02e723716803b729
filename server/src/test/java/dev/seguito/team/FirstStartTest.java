package dev.seguito.team;

import dev.seguito.SeguitoServer;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas deployed together on a new, empty PostgreSQL start at the same moment: the schema must be migrated
 * once (Flyway's own lock) and the first team and admin created once (an advisory lock), whichever process wins.
 */
class FirstStartTest {

    @Test
    void twoProcessesStartingTogetherOnAnEmptyDatabaseMigrateItOnceAndCreateOneTeamWithOneAdmin() throws Exception {
        try (EmbeddedDatabase empty = EmbeddedDatabase.start(TestDatabase.tempDir("seguito-first-start").resolve("pg"))) {
            List<SeguitoServer> servers = startTogether(2, () -> TestServer.on(empty.location(), UnaryOperator.identity()));
            try {
                SeguitoServer a = servers.get(0);
                assertThat(count(a, "select count(*) from team")).isEqualTo(1);
                assertThat(count(a, "select count(*) from team_member")).isEqualTo(1);
                assertThat(count(a, "select count(*) from flyway_schema_history where not success")).isZero();
                assertThat(count(a, "select count(*) - count(distinct version) from flyway_schema_history")).isZero();
                for (SeguitoServer server : servers) {
                    assertThat(ApiClient.anonymous(server).get("/health").status()).isEqualTo(200);
                }
            } finally {
                servers.forEach(SeguitoServer::close);
            }
        }
    }

    private static List<SeguitoServer> startTogether(int n, java.util.function.Supplier<SeguitoServer> start) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<SeguitoServer>> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                pending.add(threads.submit(() -> {
                    gate.await();
                    return start.get();
                }));
            }
            gate.countDown();
            List<SeguitoServer> started = new ArrayList<>();
            for (Future<SeguitoServer> f : pending) started.add(f.get(120, TimeUnit.SECONDS));
            return started;
        } finally {
            threads.shutdownNow();
        }
    }

    private static long count(SeguitoServer server, String sql) {
        Row row = server.pool().query(sql).execute().await().iterator().next();
        return row.getLong(0);
    }
}
