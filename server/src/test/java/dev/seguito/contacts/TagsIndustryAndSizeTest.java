package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the fit score reads besides the title and no page shows: a person's tags, and the industry and size band of
 * their employer, set by hand ({@code PATCH /contacts/{id}}).
 */
class TagsIndustryAndSizeTest {

    @RunningServer
    private static SeguitoServer server;

    private static final String GIULIA_EMAIL = "giulia.romano@fabbricanord.example";

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Fit " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static ApiClient.Response patch(ApiClient client, String id, JsonObject body) {
        return client.patch("/api/v1/contacts/" + id, body);
    }

    private static String giulia(ApiClient client) {
        return client.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
    }

    private static long count(String sql, Object... params) {
        return server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
    }

    private static void idealProfile(TeamFixture team, JsonObject ideal) {
        JsonObject policy = team.admin().get("/api/v1/team/policy").json().put("idealProfile", ideal);
        ApiClient.Response put = team.admin().send(HttpMethod.PUT, "/api/v1/team/policy", policy.toBuffer());
        assertThat(put.status()).as(put.body()).isEqualTo(200);
    }

    @Test
    void tagsAreSetByHandOnceEachWhateverTheirCaseOrPunctuationAndReplacedAsAWhole() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String id = giulia(marco);

        ApiClient.Response r = patch(marco, id, new JsonObject()
                .put("tags", new JsonArray().add(" warm   intro ").add("Trade fair 2026").add("Warm-Intro")));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonArray("tags")).containsExactly("Trade fair 2026", "warm intro");
        JsonObject card = patch(marco, id, new JsonObject().put("tags", new JsonArray().add("Warm intro"))).json();
        assertThat(card.getJsonArray("tags")).containsExactly("Warm intro");
        assertThat(patch(marco, id, new JsonObject().put("tags", new JsonArray().add("Warm intro"))).status()).isEqualTo(200);
        assertThat(marco.get("/api/v1/contacts?tag=warm-INTRO").json().getJsonArray("items")).singleElement()
                .satisfies(item -> assertThat(((JsonObject) item).getString("id")).isEqualTo(id));
        assertThat(marco.get("/api/v1/contacts?q=giulia&tag=trade%20fair%202026").json().getLong("total")).isZero();
        assertThat(marco.get("/api/v1/contacts?tag=--").status()).isEqualTo(400);
        assertThat(patch(marco, id, new JsonObject().put("tags", new JsonArray())).json().getJsonArray("tags")).isEmpty();
        assertThat(marco.get("/api/v1/contacts?tag=warm%20intro").json().getLong("total")).isZero();

        var audit = server.pool().preparedQuery("""
                        select detail from audit_log where team_id = $1 and action = 'contact.corrected' order by id""")
                .execute(Tuple.of(team.teamId())).await();
        assertThat(audit.size()).as("retyping the tags it has is not a correction").isEqualTo(3);
        audit.forEach(row -> assertThat(((JsonObject) row.getValue("detail")).getJsonArray("fields")).containsExactly("tags"));
        assertThat(audit.iterator().next().getValue("detail").toString()).doesNotContainIgnoringCase("intro");
    }

    @Test
    void badTagsIndustriesAndSizesAreA400ThatSaysWhy() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String id = giulia(marco);
        JsonArray tooMany = new JsonArray();
        IntStream.range(0, 31).forEach(i -> tooMany.add("tag " + i));

        record Bad(JsonObject body, String says) { }
        for (Bad bad : new Bad[]{
                new Bad(new JsonObject().put("tags", "warm intro"), "array of strings"),
                new Bad(new JsonObject().put("tags", new JsonArray().add(7)), "array of strings"),
                new Bad(new JsonObject().put("tags", new JsonArray().add(" -- ")), "letter or a digit"),
                new Bad(new JsonObject().put("tags", new JsonArray().add("x".repeat(51))), "at most 50"),
                new Bad(new JsonObject().put("tags", tooMany), "at most 30 tags"),
                new Bad(new JsonObject().put("industry", "x".repeat(101)), "longer than 100"),
                new Bad(new JsonObject().put("companySize", 200), "must be a string")}) {
            ApiClient.Response r = patch(marco, id, bad.body());
            assertThat(r.status()).as(bad.body().encode()).isEqualTo(400);
            assertThat(r.json().getString("message")).as(bad.body().encode()).contains(bad.says());
        }
        assertThat(marco.get("/api/v1/contacts/" + id).json().getJsonArray("tags")).isEmpty();
    }

    @Test
    void industryAndSizeBelongToTheEmployerSoAContactWithoutOneIsA422UntilItIsGiven() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String id = SeedContacts.person(server.pool(), team.teamId(), "Paolo Verdi", null, "paolo@verdi.example").toString();

        ApiClient.Response refused = patch(marco, id, new JsonObject().put("industry", "Logistics"));

        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().getString("error")).isEqualTo("no_employer");
        assertThat(refused.json().getString("message")).contains("set \"company\" first");
        JsonObject card = patch(marco, id, new JsonObject().put("company", "Verdi Trasporti")
                .put("industry", "Logistics").put("companySize", "11-50")).json();
        assertThat(card.getString("company")).isEqualTo("Verdi Trasporti");
        assertThat(card.getString("industry")).isEqualTo("Logistics");
        assertThat(card.getString("companySize")).isEqualTo("11-50");
        String anna = SeedContacts.person(server.pool(), team.teamId(), "Anna Neri", null, "anna@verdi.example").toString();
        assertThat(patch(marco, anna, new JsonObject().put("company", "Verdi Trasporti S.r.l.")).json().getString("industry"))
                .as("someone found working there later has the company's industry at once").isEqualTo("Logistics");

        card = patch(marco, id, new JsonObject().put("industry", "")).json();
        assertThat(card.getString("industry")).isNull();
        assertThat(card.getString("companySize")).isEqualTo("11-50");
        assertThat(marco.get("/api/v1/contacts/" + anna).json().getString("industry")).isNull();
    }

    @Test
    void aColleagueAtTheSameCompanyGetsItsIndustryAndSizeOnTheirCardInTheCrmQueueAndInTheirFitScore() {
        TeamFixture team = team();
        idealProfile(team, new JsonObject().put("industries", new JsonArray().add("Industrial machinery"))
                .put("companySizes", new JsonArray().add("51-200")).put("tags", new JsonArray().add("trade fair 2026")));
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = giulia(marco);
        String company = marco.get("/api/v1/contacts/" + giulia).json().getString("company");
        String paolo = SeedContacts.person(server.pool(), team.teamId(), "Paolo Verdi", null, "paolo@fabbricanord.example").toString();
        JsonObject before = patch(marco, paolo, new JsonObject().put("company", company)).json();
        assertThat(before.getDouble("fitScore")).as("nothing known yet: half of every dimension").isEqualTo(0.5);
        // the side panel's look-up keeps the card it built; the change must still show
        assertThat(marco.get("/api/v1/contacts/lookup?email=paolo@fabbricanord.example").json().getString("industry")).isNull();
        long upsertsBefore = count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_UPSERT'",
                UUID.fromString(paolo));

        ApiClient.Response r = patch(marco, giulia, new JsonObject().put("industry", "Industrial Machinery")
                .put("companySize", "51 – 200"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("industry")).isEqualTo("Industrial Machinery");
        JsonObject colleague = marco.get("/api/v1/contacts/lookup?email=paolo@fabbricanord.example").json();
        assertThat(colleague.getString("industry")).isEqualTo("Industrial Machinery");
        assertThat(colleague.getString("companySize")).isEqualTo("51 – 200");
        // industry 0.30 + size 0.20 + half of tags 0.075, of 0.65
        assertThat(colleague.getDouble("fitScore")).isEqualTo(0.88);
        assertThat(count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_UPSERT'",
                UUID.fromString(paolo))).isEqualTo(upsertsBefore + 1);

        JsonObject tagged = patch(marco, paolo, new JsonObject().put("tags", new JsonArray().add("Trade-fair 2026"))).json();
        assertThat(tagged.getDouble("fitScore")).isEqualTo(1.0);
        JsonObject other = patch(marco, giulia, new JsonObject().put("tags", new JsonArray().add("golf"))).json();
        assertThat(other.getDouble("fitScore")).as("tagged, but not with a tag the team looks for").isEqualTo(0.77);
    }

    @Test
    void mergingTwoRecordsOfOnePersonKeepsTheTagsOfBoth() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String fromEmail = giulia(marco);
        JsonObject fromProfile = team.admin().post("/api/v1/captures",
                Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/giulia-romano-42/")).json();
        assertThat(fromProfile.getString("status")).isEqualTo("possible_duplicate");
        String profile = fromProfile.getJsonObject("contact").getString("id");
        patch(marco, fromEmail, new JsonObject().put("tags", new JsonArray().add("Warm intro").add("steel")));
        patch(marco, profile, new JsonObject().put("tags", new JsonArray().add("warm-intro").add("Trade fair 2026")));

        ApiClient.Response merged = marco.post("/api/v1/contacts/" + profile + "/duplicates/" + fromEmail + "/confirm", null);

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().getJsonArray("tags")).containsExactly("steel", "Trade fair 2026", "warm-intro");
        assertThat(count("select count(*) from party_tag where party_id = $1", UUID.fromString(fromEmail))).isZero();
        assertThat(marco.get("/api/v1/contacts/lookup?email=" + GIULIA_EMAIL).json().getJsonArray("tags")).hasSize(3);
    }
}
