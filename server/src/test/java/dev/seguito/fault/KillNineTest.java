package dev.seguito.fault;

import dev.seguito.SeguitoServer;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.testing.ServerProcess;
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

    private static Process startChild(Path home, int port, DatabaseLocation db, int run) throws Exception {
        return ServerProcess.start(home, port, db, run, Map.of());
    }

    private static void awaitHealthy(int port) {
        ServerProcess.awaitHealthy(port);
    }
}
