package dev.seguito.touch;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/agenda}: the team's due suggestions, most urgent first, and how many there are. */
class AgendaTest {

    @RunningServer
    private static SeguitoServer server;

    @Test
    void theTotalIsExactUpToAThousandPastThePageAndSaysWhenItStopsCounting() {
        TeamFixture team = TestServer.newTeam(server, "Agenda " + UUID.randomUUID().toString().substring(0, 6));
        dueSuggestions(team, 1_100);

        JsonObject first = team.admin().get("/api/v1/agenda?range=today&limit=50").json();
        JsonObject further = team.admin().get("/api/v1/agenda?range=today&limit=50&offset=100").json();

        assertThat(first.getJsonArray("items")).hasSize(50);
        assertThat(first.getLong("total")).isEqualTo(50 + NextTouchService.COUNTED_PAST_THE_PAGE);
        assertThat(first.getBoolean("totalCapped")).isTrue();
        assertThat(further.getLong("total")).as("past this page, every one is counted").isEqualTo(1_100);
        assertThat(further.getBoolean("totalCapped")).isFalse();
        assertThat(further.getJsonArray("items").getJsonObject(0).getString("displayName")).isEqualTo("Person 0100");
    }

    @Test
    void aShortAgendaCountsEveryone() {
        TeamFixture team = TestServer.newTeam(server, "Agenda " + UUID.randomUUID().toString().substring(0, 6));
        dueSuggestions(team, 3);

        JsonObject agenda = team.admin().get("/api/v1/agenda?range=today").json();

        assertThat(agenda.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("displayName"))
                .containsExactly("Person 0000", "Person 0001", "Person 0002");
        assertThat(agenda.getLong("total")).isEqualTo(3);
        assertThat(agenda.getBoolean("totalCapped")).isFalse();
    }

    @Test
    void aTagKeepsTheSuggestionsOfTheContactsWithItInTheSameOrderAndCountsThem() {
        TeamFixture team = TestServer.newTeam(server, "Agenda " + UUID.randomUUID().toString().substring(0, 6));
        dueSuggestions(team, 6);
        server.pool().preparedQuery("""
                        insert into party_tag (team_id, party_id, tag, tag_key)
                        select pe.team_id, pe.party_id, 'Trade fair 2026', 'trade fair 2026'
                          from person pe where pe.team_id = $1 and pe.full_name in ('Person 0001', 'Person 0004', 'Person 0005')""")
                .execute(Tuple.of(team.teamId())).await();
        anotherTeamAllTagged(2, "trade fair 2026");

        JsonObject tagged = team.admin().get("/api/v1/agenda?range=today&tag=Trade-Fair%202026&limit=2").json();
        JsonObject rest = team.admin().get("/api/v1/agenda?range=today&tag=trade%20fair%202026&limit=2&offset=2").json();

        assertThat(tagged.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("displayName"))
                .containsExactly("Person 0001", "Person 0004");
        assertThat(tagged.getLong("total")).as("another team's tagged contacts are not counted").isEqualTo(3);
        assertThat(rest.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("displayName"))
                .containsExactly("Person 0005");
        assertThat(team.admin().get("/api/v1/agenda?tag=golf").json().getJsonArray("items")).isEmpty();
        assertThat(team.admin().get("/api/v1/agenda?tag=%2B%2B").status()).isEqualTo(400);
        assertThat(team.admin().get("/api/v1/agenda").json().getLong("total")).isEqualTo(6);
    }

    @Test
    void aTagOnManyContactsWalksTheRankedSuggestionsAndGivesTheSamePagesAsLookingUpEachTaggedContact() {
        TeamFixture team = TestServer.newTeam(server, "Agenda " + UUID.randomUUID().toString().substring(0, 6));
        dueSuggestions(team, 2 * NextTouchService.BROAD_TAG + 300);
        server.pool().preparedQuery("""
                        insert into party_tag (team_id, party_id, tag, tag_key)
                        select team_id, party_id, 'Warm intro', 'warm intro' from person
                         where team_id = $1 and right(full_name, 1) in ('0', '2', '4', '6', '8')""")
                .execute(Tuple.of(team.teamId())).await();
        // a colleague touched Person 0000 lately: "hold off" is not a thing to do
        server.pool().preparedQuery("""
                        update next_touch set rule_id = 'frequency_cap'
                         where party_id = (select party_id from person where team_id = $1 and full_name = 'Person 0000')""")
                .execute(Tuple.of(team.teamId())).await();
        anotherTeamAllTagged(5, "Warm intro");
        long tagged = NextTouchService.BROAD_TAG + 150 - 1;

        JsonObject first = team.admin().get("/api/v1/agenda?range=today&tag=warm%20intro&limit=3").json();
        JsonObject last = team.admin().get("/api/v1/agenda?range=today&tag=warm%20intro&limit=50&offset=" + (tagged - 2)).json();

        assertThat(first.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("displayName"))
                .containsExactly("Person 0002", "Person 0004", "Person 0006");
        assertThat(first.getLong("total")).isEqualTo(3 + NextTouchService.COUNTED_PAST_THE_PAGE);
        assertThat(first.getBoolean("totalCapped")).isTrue();
        assertThat(last.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("displayName"))
                .as("another team's tagged contacts are not listed")
                .containsExactly("Person 4296", "Person 4298");
        assertThat(last.getLong("total")).as("another team's tagged contacts are not counted").isEqualTo(tagged);
        assertThat(last.getBoolean("totalCapped")).isFalse();
        for (long offset : new long[]{0, 1_000, tagged - 20}) {
            assertThat(rows("agenda_broad_tag", team, offset)).as("offset " + offset)
                    .isEqualTo(rows("agenda_tagged", team, offset));
        }
    }

    /** A page of 50 of the "warm intro" agenda as one of the two statements gives it, one string per row. */
    private static java.util.List<String> rows(String sql, TeamFixture team, long offset) {
        var until = java.time.OffsetDateTime.now().plusDays(1);
        var rows = server.pool().preparedQuery(dev.seguito.db.Sql.load(sql))
                .execute(Tuple.of(team.teamId(), until, 50, offset, offset + 50 + 1_000, "warm intro")).await();
        java.util.List<String> out = new java.util.ArrayList<>();
        rows.forEach(r -> out.add(r.getString("full_name") + " " + r.getString("rule_id") + " " + r.getLong("total")));
        return out;
    }

    /** Another team with {@code people} due suggestions, all of them tagged {@code tag}: never to be seen or counted. */
    private static void anotherTeamAllTagged(int people, String tag) {
        TeamFixture other = TestServer.newTeam(server, "Agenda " + UUID.randomUUID().toString().substring(0, 6));
        dueSuggestions(other, people);
        server.pool().preparedQuery("""
                        insert into party_tag (team_id, party_id, tag, tag_key)
                        select team_id, party_id, $2, $3 from person where team_id = $1""")
                .execute(Tuple.of(other.teamId(), tag, FitScorer.key(tag))).await();
    }

    /** People due an hour ago, ranked by their number (the same priority, due a second apart). */
    private static void dueSuggestions(TeamFixture team, int count) {
        server.pool().preparedQuery("""
                        with people as (
                            select gen_random_uuid() as id, n from generate_series(0, $2 - 1) as n),
                        parties as (
                            insert into party (id, team_id, party_type) select id, $1, 'PERSON' from people),
                        persons as (
                            insert into person (party_id, team_id, full_name, name_key)
                            select id, $1, 'Person ' || lpad(n::text, 4, '0'), 'person ' || lpad(n::text, 4, '0') from people)
                        insert into next_touch (party_id, team_id, rule_id, action, channel, due_at, priority, reason)
                        select id, $1, 'rhythm', 'Check in', 'email', now() - interval '1 hour' + n * interval '1 second', 3,
                               'Time for the regular check-in'
                          from people""")
                .execute(Tuple.of(team.teamId(), count)).await();
    }
}
