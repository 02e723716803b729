package dev.seguito.fault;

import dev.seguito.SeguitoServer;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The server process is killed with SIGKILL while clients capture, then started again on the same port. Clients
 * retry what was not acknowledged with the same keys: nothing may be lost and nothing stored twice.
 */
class KillNineTest {

    private static final int CLIENTS = 3;
    private static final int PER_CLIENT = 8;

    @Test
    void noCaptureIsLostOrDuplicatedWhenTheServerIsKilledMidLoad() throws Exception {
        DatabaseLocation db = TestDatabase.shared();
        int port = DatabaseRestartTest.freePort();
        Path home = TestDatabase.tempDir("seguito-kill9");
        SeguitoServer observer = TestServer.onSharedDatabase(); // sets up the team and reads the database afterwards
        Process child = null;
        try (CaptureLoad load = new CaptureLoad(CLIENTS)) {
            TeamFixture team = TestServer.newTeam(observer, "Kill9 " + UUID.randomUUID().toString().substring(0, 6));
            Process[] server = {startChild(home, port, db, 1)};
            child = server[0];
            awaitHealthy(port);

            List<CaptureLoad.Sent> sent = assertTimeoutPreemptively(Duration.ofSeconds(300), () -> {
                load.start(CLIENTS, PER_CLIENT, () -> port, team.admin().token(), 600, 100);
                load.awaitAcknowledged(5);
                server[0].destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
                assertThat(server[0].waitFor(30, TimeUnit.SECONDS)).isTrue();
                server[0] = startChild(home, port, db, 2);
                return load.results();
            });
            child = server[0];

            System.out.println("KillNineTest: retried answers by status " + load.retriedStatuses);
            assertThat(load.retriedStatuses).as("the kill was felt by the clients").containsKey(-1);
            assertThat(sent).hasSize(CLIENTS * PER_CLIENT)
                    .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(200, 201));
            for (CaptureLoad.Sent s : sent) {
                assertThat(DatabaseRestartTest.count(observer, "select count(*) from capture where team_id = $1 and idempotency_key = $2",
                        team.teamId(), s.key())).as(s.toString()).isEqualTo(1);
                assertThat(DatabaseRestartTest.count(observer, "select count(*) from capture where id = $1",
                        UUID.fromString(s.captureId()))).as("the acknowledged id is the stored one").isEqualTo(1);
                assertThat(DatabaseRestartTest.count(observer, """
                        select count(*) from person pe join party p on p.id = pe.party_id
                         where pe.team_id = $1 and pe.linkedin_slug = $2 and p.status = 'ACTIVE'""", team.teamId(), s.slug()))
                        .as("one contact per person: " + s).isEqualTo(1);
            }
            assertThat(DatabaseRestartTest.count(observer, "select count(*) from party where team_id = $1 and party_type = 'PERSON'",
                    team.teamId())).isEqualTo(CLIENTS * PER_CLIENT);
            assertThat(DatabaseRestartTest.count(observer, "select count(*) from capture where team_id = $1", team.teamId()))
                    .isEqualTo(CLIENTS * PER_CLIENT);
        } finally {
            if (child != null) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            observer.close();
        }
    }

    /** {@code java -cp <this test's class path> dev.seguito.Main serve} on the shared test database. */
    private static Process startChild(Path home, int port, DatabaseLocation db, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.seguito.Main", "serve");
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("SEGUITO_") || k.equals("DATABASE_URL"));
        env.put("SEGUITO_HOME", home.toString());
        env.put("SEGUITO_HTTP_PORT", String.valueOf(port));
        env.put("SEGUITO_HTTP_HOST", "127.0.0.1");
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("PGUSER", db.user());
        if (db.password() != null) {
            env.put("PGPASSWORD", db.password());
        }
        builder.redirectErrorStream(true).redirectOutput(home.resolve("server-" + run + ".log").toFile());
        return builder.start();
    }

    private static void awaitHealthy(int port) {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            RawHttp health = new RawHttp(port, null);
            while (health.get("/health").status() != 200) {
                Thread.sleep(200);
            }
        });
    }
}
