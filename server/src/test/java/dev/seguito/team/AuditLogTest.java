package dev.seguito.team;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Team admins read who did what, newest first, a page at a time, and only their own team's entries. */
class AuditLogTest {

    @RunningServer
    private static SeguitoServer server;

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Audited " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static List<String> actions(JsonArray items) {
        return items.stream().map(o -> ((JsonObject) o).getString("action")).toList();
    }

    @Test
    void anAdminSeesTheTeamsActionsNewestFirstWithWhoDidThem() {
        TeamFixture team = team();
        ApiClient bea = team.member("Bea Neri", "bea-" + UUID.randomUUID() + "@audited.example");
        UUID contact = SeedContacts.person(server.pool(), team.teamId(), "Carlo Verdi", null, null);
        assertThat(bea.delete("/api/v1/contacts/" + contact).status()).isEqualTo(204);

        JsonArray items = team.admin().get("/api/v1/team/audit").json().getJsonArray("items");

        assertThat(actions(items)).containsExactly("contact.deleted", "member.added");
        JsonObject deleted = items.getJsonObject(0);
        assertThat(deleted.getString("by")).isEqualTo("Bea Neri");
        assertThat(deleted.getJsonObject("detail").getString("partyId")).isEqualTo(contact.toString());
        assertThat(deleted.encode()).doesNotContain("Carlo", "Verdi");
        assertThat(deleted.getString("at")).isNotBlank();
        assertThat(items.getJsonObject(1).getString("by")).endsWith("Admin");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        TeamFixture team = team();
        for (int i = 0; i < 5; i++) {
            team.admin().post("/api/v1/team/members", new JsonObject().put("name", "M" + i)
                    .put("email", "m" + i + "-" + UUID.randomUUID() + "@audited.example"));
        }

        JsonObject first = team.admin().get("/api/v1/team/audit?limit=2").json();
        JsonObject second = team.admin().get("/api/v1/team/audit?limit=2&before=" + first.getLong("next")).json();
        JsonObject third = team.admin().get("/api/v1/team/audit?limit=2&before=" + second.getLong("next")).json();

        List<Long> ids = new java.util.ArrayList<>();
        for (JsonObject page : List.of(first, second, third)) {
            page.getJsonArray("items").forEach(o -> ids.add(((JsonObject) o).getLong("id")));
        }
        assertThat(ids).hasSize(5).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(third.getValue("next")).isNull();
    }

    @Test
    void membersAreRefusedAndABadCursorIsA400() {
        TeamFixture team = team();
        ApiClient member = team.member("Dario", "dario-" + UUID.randomUUID() + "@audited.example");

        assertThat(member.get("/api/v1/team/audit").status()).isEqualTo(403);
        assertThat(team.admin().get("/api/v1/team/audit?before=yesterday").status()).isEqualTo(400);
        assertThat(team.admin().get("/api/v1/team/audit?limit=0").status()).isEqualTo(400);
    }
}
