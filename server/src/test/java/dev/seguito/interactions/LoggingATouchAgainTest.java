package dev.seguito.interactions;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A touch logged from the side panel and sent again (a lost answer, a second click) is on the timeline once. */
class LoggingATouchAgainTest {

    @RunningServer
    private static SeguitoServer server;

    private static String contact(ApiClient client, String name) {
        return client.post("/api/v1/contacts", new JsonObject().put("fullName", name)
                .put("idempotencyKey", UUID.randomUUID().toString())).json().getJsonObject("contact").getString("id");
    }

    @Test
    void aTouchSentTwiceWithItsKeyIsLoggedOnceAndAnsweredTheSame() {
        TeamFixture team = TestServer.newTeam(server, "Touches " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String id = contact(marco, "Elena Costa");
        JsonObject call = new JsonObject().put("type", "call").put("direction", "outbound").put("note", "Asked for the catalogue")
                .put("occurredAt", "2026-12-01T10:00:00Z").put("idempotencyKey", UUID.randomUUID().toString());

        ApiClient.Response first = marco.post("/api/v1/contacts/" + id + "/interactions", call);
        ApiClient.Response again = marco.post("/api/v1/contacts/" + id + "/interactions", call.copy());

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(marco.get("/api/v1/contacts/" + id + "/timeline").items()).hasSize(1);

        // without a key every submit is a touch of its own, as before
        JsonObject note = new JsonObject().put("type", "note").put("note", "Prefers mornings");
        marco.post("/api/v1/contacts/" + id + "/interactions", note);
        marco.post("/api/v1/contacts/" + id + "/interactions", note);
        assertThat(marco.get("/api/v1/contacts/" + id + "/timeline").items()).hasSize(3);
    }

    @Test
    void aKeyIsTheMembersOwnAndCannotLogOnAnotherContact() {
        TeamFixture team = TestServer.newTeam(server, "Touches " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        ApiClient sara = team.member("Sara Bianchi", "sara@seguito-sales.example");
        String elena = contact(marco, "Elena Costa");
        String fabio = contact(marco, "Fabio Galli");
        String key = UUID.randomUUID().toString();
        JsonObject call = new JsonObject().put("type", "call").put("idempotencyKey", key);

        assertThat(marco.post("/api/v1/contacts/" + elena + "/interactions", call).status()).isEqualTo(201);
        ApiClient.Response elsewhere = marco.post("/api/v1/contacts/" + fabio + "/interactions", call);
        ApiClient.Response colleague = sara.post("/api/v1/contacts/" + elena + "/interactions", call);
        ApiClient.Response blank = marco.post("/api/v1/contacts/" + elena + "/interactions", call.copy().put("idempotencyKey", ""));

        assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(409);
        assertThat(colleague.status()).as("the same key from a colleague is another touch").isEqualTo(201);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(marco.get("/api/v1/contacts/" + elena + "/timeline").items()).hasSize(2);
        assertThat(marco.get("/api/v1/contacts/" + fabio + "/timeline").items()).isEmpty();
    }
}
