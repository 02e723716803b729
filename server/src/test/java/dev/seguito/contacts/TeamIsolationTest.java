package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TeamIsolationTest {

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture teamA;
    private static TeamFixture teamB;
    private static UUID annaOfTeamA;

    @BeforeAll
    static void start() {
        teamA = TestServer.newTeam(server, "Acme Sales");
        teamB = TestServer.newTeam(server, "Rival Sales");
        annaOfTeamA = SeedContacts.person(server.pool(), teamA.teamId(), "Anna Bianchi", "anna-bianchi", "anna@client.test");
    }

    @Test
    void theOwningTeamSeesItsContactEveryWay() {
        ApiClient a = teamA.admin();
        assertThat(a.get("/api/v1/contacts/" + annaOfTeamA).json().getString("displayName")).isEqualTo("Anna Bianchi");
        assertThat(a.get("/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/Anna-Bianchi/?trk=x").status()).isEqualTo(200);
        assertThat(a.get("/api/v1/contacts/lookup?email=ANNA@client.test").status()).isEqualTo(200);
        assertThat(a.get("/api/v1/contacts?q=bianchi").items()).hasSize(1);
    }

    @Test
    void anotherTeamGets404ForTheIdAndFindsNothingByKeyOrSearch() {
        ApiClient b = teamB.admin();
        assertThat(b.get("/api/v1/contacts/" + annaOfTeamA).status()).isEqualTo(404);
        assertThat(b.get("/api/v1/contacts/" + annaOfTeamA + "/timeline").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/anna-bianchi/").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/contacts/lookup?email=anna@client.test").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/contacts?q=bianchi").items()).isEmpty();
        assertThat(b.get("/api/v1/contacts?q=").items()).isEmpty();
    }

    @Test
    void anotherTeamCannotWriteToTheContactsTimeline() {
        ApiClient.Response response = teamB.admin().post("/api/v1/contacts/" + annaOfTeamA + "/interactions",
                new JsonObject().put("type", "call"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(teamA.admin().get("/api/v1/contacts/" + annaOfTeamA + "/timeline").items()).isEmpty();
    }
}
