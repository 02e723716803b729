package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InteractionLoggingTest {

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture team;

    @BeforeAll
    static void start() {
        team = TestServer.newTeam(server, "Loggers");
    }

    @Test
    void aLoggedCallAppearsOnTheTimelineAndTheCardWithWhoMadeIt() {
        UUID carlo = SeedContacts.person(server.pool(), team.teamId(), "Carlo Verdi", "carlo-verdi", null);

        ApiClient.Response logged = team.admin().post("/api/v1/contacts/" + carlo + "/interactions", new JsonObject()
                .put("type", "call").put("occurredAt", "2026-11-20T10:00:00+01:00").put("note", "Budget in Q1"));

        assertThat(logged.status()).isEqualTo(201);
        JsonObject item = team.admin().get("/api/v1/contacts/" + carlo + "/timeline").items().getJsonObject(0);
        assertThat(item.getString("type")).isEqualTo("call");
        assertThat(item.getString("direction")).isEqualTo("outbound");
        assertThat(item.getString("occurredAt")).isEqualTo("2026-11-20T09:00:00Z");
        assertThat(item.getString("note")).isEqualTo("Budget in Q1");
        assertThat(item.getString("by")).isEqualTo("Loggers Admin");
        assertThat(team.admin().get("/api/v1/contacts/" + carlo).json().getJsonArray("timeline")).hasSize(1);
    }

    @Test
    void theCardShowsTheStartOfALoggedNoteAndTheTimelineAllOfIt() {
        UUID carlo = SeedContacts.person(server.pool(), team.teamId(), "Carlo Note", null, null);
        String note = "Met at the fair; wants a pilot in Q1. " + "Details follow. ".repeat(40);

        team.admin().post("/api/v1/contacts/" + carlo + "/interactions", new JsonObject()
                .put("type", "meeting").put("occurredAt", "2026-11-20T10:00:00+01:00").put("note", note));

        JsonObject onCard = team.admin().get("/api/v1/contacts/" + carlo).json().getJsonArray("timeline").getJsonObject(0);
        assertThat(onCard.getString("note")).hasSize(280).isEqualTo(note.substring(0, 280));
        assertThat(team.admin().get("/api/v1/contacts/" + carlo + "/timeline").items().getJsonObject(0).getString("note"))
                .isEqualTo(note);
    }

    @Test
    void anUnknownInteractionTypeIsA400ThatListsTheValidOnes() {
        UUID carlo = SeedContacts.person(server.pool(), team.teamId(), "Carla Neri", null, null);

        ApiClient.Response response = team.admin().post("/api/v1/contacts/" + carlo + "/interactions",
                new JsonObject().put("type", "telepathy"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("message")).contains("meeting", "referral_given");
    }

    @Test
    void malformedJsonIsA400() {
        UUID carlo = SeedContacts.person(server.pool(), team.teamId(), "Marta Blu", null, null);

        ApiClient.Response response = team.admin().send(HttpMethod.POST, "/api/v1/contacts/" + carlo + "/interactions",
                Buffer.buffer("{\"type\": \"call\""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("error")).isEqualTo("bad_request");
    }

    @Test
    void aBodyOverTheLimitIsA413WithAJsonError() {
        String huge = "x".repeat(9 * 1024 * 1024);

        ApiClient.Response response = team.admin().post("/api/v1/contacts/" + UUID.randomUUID() + "/interactions",
                new JsonObject().put("type", "note").put("note", huge));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().getString("error")).isEqualTo("payload_too_large");
    }

    @Test
    void anIdThatIsNotAUuidIsA404NotA500() {
        ApiClient.Response response = team.admin().get("/api/v1/contacts/not-a-uuid");

        assertThat(response.status()).isEqualTo(404);
    }
}
