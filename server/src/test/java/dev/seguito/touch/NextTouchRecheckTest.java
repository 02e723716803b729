package dev.seguito.touch;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NextTouchRecheckTest {

    @Test
    void aSuggestionWhoseDueDatePassedSinceItWasComputedIsComputedAgain() {
        try (SeguitoServer server = TestServer.onSharedDatabase()) {
            TeamFixture team = TestServer.newTeam(server, "Recheck");
            UUID giulia = UUID.fromString(team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                    "https://www.linkedin.com/in/giulia-romano-42/")).json().getJsonObject("contact").getString("id"));
            server.pool().preparedQuery("""
                            update next_touch set rule_id = 'stale', due_at = now() - interval '1 hour',
                                   computed_at = now() - interval '2 hours' where party_id = $1""")
                    .execute(Tuple.of(giulia)).await();

            int rechecked = server.services().touches().recheckDue(10_000).await();

            Row row = server.pool().preparedQuery("select rule_id, computed_at > due_at as fresh from next_touch where party_id = $1")
                    .execute(Tuple.of(giulia)).await().iterator().next();
            assertThat(rechecked).isPositive();
            assertThat(row.getString("rule_id")).isEqualTo("rhythm");
        }
    }
}
