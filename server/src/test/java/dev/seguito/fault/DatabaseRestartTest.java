package dev.seguito.fault;

import dev.seguito.SeguitoServer;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.db.Migrations;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import dev.seguito.testing.UniqueCaptures;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * PostgreSQL stops and starts again (same port, same data) while clients are capturing. The server must recover by
 * itself, and every capture a client was told about must be stored exactly once.
 */
class DatabaseRestartTest {

    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 8;

    static int freePort() {
        return dev.seguito.testing.ServerProcess.freePort();
    }

    @Test
    void theServerRecoversFromAPostgresRestartAndKeepsEveryAcknowledgedCaptureOnce() throws Exception {
        Path data = TestDatabase.tempDir("seguito-restart-pg");
        int pgPort = freePort();
        EmbeddedDatabase[] db = {EmbeddedDatabase.start(data, pgPort)};
        DatabaseLocation location = db[0].location();
        Migrations.migrate(location);
        SeguitoServer server = SeguitoServer.start(TestServer.config(TestDatabase.tempDir("seguito-home"))
                .withDatabase(location.jdbcUrl(), location.user(), location.password()));
        try (CaptureLoad load = new CaptureLoad(CLIENTS)) {
            TeamFixture team = TestServer.newTeam(server, "Restart " + UUID.randomUUID().toString().substring(0, 6));
            RawHttp health = new RawHttp(server.port(), null);

            List<CaptureLoad.Sent> sent = assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
                load.start(CLIENTS, PER_CLIENT, server::port, team.admin().token(), 400, 100);
                load.awaitAcknowledged(6);
                db[0].close(); // PostgreSQL goes away mid-load …
                assertThat(health.get("/health").status()).isEqualTo(503);
                Thread.sleep(500);
                db[0] = EmbeddedDatabase.start(data, pgPort); // … and comes back on the same port with the same data
                return load.results();
            });

            System.out.println("DatabaseRestartTest: retried answers by status " + load.retriedStatuses);
            assertThat(load.retriedStatuses).as("the restart was felt by the clients").isNotEmpty();
            assertThat(sent).hasSize(CLIENTS * PER_CLIENT)
                    .allSatisfy(s -> assertThat(s.status()).as(s.toString()).isIn(200, 201));
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                while (health.get("/health").status() != 200) {
                    Thread.sleep(200);
                }
            });
            assertThat(health.get("/health").json().getString("status")).isEqualTo("UP");
            for (CaptureLoad.Sent s : sent) {
                assertThat(count(server, "select count(*) from capture where team_id = $1 and idempotency_key = $2",
                        team.teamId(), s.key())).as(s.toString()).isEqualTo(1);
                assertThat(count(server, "select count(*) from capture where team_id = $1 and id = $2",
                        team.teamId(), UUID.fromString(s.captureId()))).as("the acknowledged id is the stored one").isEqualTo(1);
                assertThat(count(server, """
                        select count(*) from person pe join party p on p.id = pe.party_id
                         where pe.team_id = $1 and pe.linkedin_slug = $2 and p.status = 'ACTIVE'""", team.teamId(), s.slug()))
                        .as("one contact per person: " + s).isEqualTo(1);
            }
            assertThat(count(server, "select count(*) from party where team_id = $1 and party_type = 'PERSON'", team.teamId()))
                    .isEqualTo(CLIENTS * PER_CLIENT);
            RawHttp.Answer after = new RawHttp(server.port(), team.admin().token()).post("/api/v1/captures",
                    UniqueCaptures.linkedin(load.prefix() + "after", 0, UUID.randomUUID().toString()));
            assertThat(after.status()).as(after.toString()).isEqualTo(201);
        } finally {
            server.close();
            db[0].close();
        }
    }

    static long count(SeguitoServer server, String sql, Object... params) {
        return server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
    }
}
