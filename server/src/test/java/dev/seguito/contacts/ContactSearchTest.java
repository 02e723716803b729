package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The side panel's and admin's search: names compare as identity compares them, addresses as stored. */
class ContactSearchTest {

    @RunningServer
    private static SeguitoServer server;

    private static long found(ApiClient client, String q) {
        return client.get("/api/v1/contacts?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().getLong("total");
    }

    @Test
    void namesMatchWithoutAccentsCaseOrPunctuation() {
        TeamFixture team = TestServer.newTeam(server, "Search " + UUID.randomUUID().toString().substring(0, 6));
        SeedContacts.person(server.pool(), team.teamId(), "Anna Bìanchi-Rossi", "anna-bianchi-rossi", "anna@rossi.example");

        assertThat(found(team.admin(), "bianchi rossi")).isOne();
        assertThat(found(team.admin(), "Bìanchi-Rossi")).isOne();
        assertThat(found(team.admin(), "BIANCHI")).isOne();
        assertThat(found(team.admin(), "anna@rossi")).isOne();
        assertThat(found(team.admin(), "anna-bianchi")).isOne();
        assertThat(found(team.admin(), "verdi")).isZero();
        assertThat(found(team.admin(), "@@")).as("punctuation alone matches no name").isZero();
    }
}
