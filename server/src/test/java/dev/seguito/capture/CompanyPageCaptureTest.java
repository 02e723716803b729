package dev.seguito.capture;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A LinkedIn company page, captured on a member's click, gives its company's industry and size band to every
 * colleague who works there, now and later, except where a member set them by hand.
 */
class CompanyPageCaptureTest {

    @RunningServer
    private static SeguitoServer server;

    private static final String PAGE_URL = "https://www.linkedin.com/company/fabbrica-nord/about/";
    private static final String GIULIA_URL = "https://www.linkedin.com/in/giulia-romano-42/";

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Companies " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static JsonObject companyPage(String key) {
        return new JsonObject().put("source", "linkedin_company").put("pageUrl", PAGE_URL)
                .put("html", Fixtures.fabbricaNordCompanyPage())
                .put("capturedAt", Fixtures.WRITTEN_AT.plus(Fixtures.shift()).toString()).put("idempotencyKey", key);
    }

    private static ApiClient.Response captureCompany(ApiClient client) {
        ApiClient.Response r = client.post("/api/v1/captures", companyPage(UUID.randomUUID().toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static String giulia(ApiClient client) {
        ApiClient.Response r = client.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().getJsonObject("contact").getString("id");
    }

    private static JsonObject card(ApiClient client, String id) {
        return client.get("/api/v1/contacts/" + id).json();
    }

    private static long count(String sql, Object... params) {
        return server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
    }

    @Test
    void aCompanyPageGivesItsIndustryAndSizeToEveryoneWorkingThereAndMovesTheirFit() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject policy = team.admin().get("/api/v1/team/policy").json().put("idealProfile", new JsonObject()
                .put("industries", new JsonArray().add("Software Development")).put("companySizes", new JsonArray().add("201-500")));
        assertThat(team.admin().send(HttpMethod.PUT, "/api/v1/team/policy", policy.toBuffer()).status()).isEqualTo(200);
        String giulia = giulia(marco);
        assertThat(card(marco, giulia).getDouble("fitScore")).as("nothing known of her employer").isEqualTo(0.5);
        long upserts = count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_UPSERT'", UUID.fromString(giulia));

        JsonObject answer = captureCompany(marco).json();

        assertThat(answer.getString("status")).isEqualTo("company");
        assertThat(answer.getValue("contact")).isNull();
        assertThat(answer.getJsonArray("changed")).containsExactly("industry", "companySize");
        JsonObject company = answer.getJsonObject("company");
        assertThat(company.getString("name")).isEqualTo("Fabbrica Nord");
        assertThat(company.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/company/fabbrica-nord/");
        assertThat(company.getString("industry")).isEqualTo("Software Development");
        assertThat(company.getString("companySize")).isEqualTo("201-500");
        assertThat(company.getLong("employeeCount")).isEqualTo(1);
        assertThat(company.getJsonArray("employees").getJsonObject(0).getString("fullName")).isEqualTo("Giulia Romano");
        assertThat(company.getJsonArray("employees").getJsonObject(0).getString("id")).isEqualTo(giulia);

        JsonObject after = marco.get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json();
        assertThat(after.getString("industry")).isEqualTo("Software Development");
        assertThat(after.getString("companySize")).isEqualTo("201-500");
        assertThat(after.getDouble("fitScore")).as("industry and size both match the ideal profile").isEqualTo(1.0);
        assertThat(count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_UPSERT'", UUID.fromString(giulia)))
                .as("the CRM hears of her employer's facts").isEqualTo(upserts + 1);
        ApiClient.Response lookup = marco.get("/api/v1/companies/lookup?linkedinUrl="
                + "https://it.linkedin.com/company/Fabbrica-Nord/people/?keywords=x");
        assertThat(lookup.status()).as(lookup.body()).isEqualTo(200);
        assertThat(lookup.json().getString("id")).isEqualTo(company.getString("id"));
    }

    @Test
    void aFactSetByHandStaysWhenThePageSaysOtherwiseAndOneClearedByHandIsFilledAgain() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = giulia(marco);
        assertThat(marco.patch("/api/v1/contacts/" + giulia, new JsonObject().put("industry", "Software")).status()).isEqualTo(200);

        JsonObject answer = captureCompany(marco).json();

        assertThat(answer.getJsonArray("changed")).containsExactly("companySize");
        assertThat(answer.getJsonArray("keptByHand")).containsExactly("industry");
        assertThat(answer.getJsonObject("company").getString("industry")).isEqualTo("Software");
        assertThat(answer.getJsonObject("company").getJsonArray("setByHand")).containsExactly("industry");
        assertThat(card(marco, giulia).getString("companySize")).isEqualTo("201-500");

        assertThat(marco.patch("/api/v1/contacts/" + giulia, new JsonObject().put("industry", "")).status()).isEqualTo(200);
        JsonObject again = captureCompany(marco).json();
        assertThat(again.getJsonArray("changed")).containsExactly("industry");
        assertThat(again.getJsonObject("company").getJsonArray("setByHand")).isEmpty();
        assertThat(card(marco, giulia).getString("industry")).isEqualTo("Software Development");
        assertThat(captureCompany(marco).json().getJsonArray("changed")).as("the same page again changes nothing").isEmpty();
    }

    @Test
    void aPageCapturedBeforeAnyoneWorksThereGivesItsFactsToThoseCapturedLaterAndARetryStoresNothingTwice() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject page = companyPage(UUID.randomUUID().toString());

        ApiClient.Response first = marco.post("/api/v1/captures", page);
        ApiClient.Response retry = marco.post("/api/v1/captures", page);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().getJsonObject("company").getLong("employeeCount")).isZero();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(count("select count(*) from party_group where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from capture where team_id = $1", team.teamId())).isEqualTo(1);

        String giulia = giulia(marco);
        assertThat(card(marco, giulia).getString("industry")).isEqualTo("Software Development");
        assertThat(count("select count(*) from party_group where team_id = $1", team.teamId()))
                .as("her employer is the company of the page, found by its name").isEqualTo(1);
        assertThat(marco.get("/api/v1/companies/lookup?linkedinUrl=" + PAGE_URL).json().getJsonArray("employees"))
                .hasSize(1);
    }

    @Test
    void anotherTeamNeitherSeesNorChangesTheCompany() {
        TeamFixture ours = team();
        TeamFixture theirs = team();
        ApiClient marco = ours.member("Marco Rossi", "marco@seguito-sales.example");
        ApiClient eve = theirs.member("Eve Other", "eve@other-team.example");
        String giulia = giulia(marco);
        captureCompany(marco);

        assertThat(eve.get("/api/v1/companies/lookup?linkedinUrl=" + PAGE_URL).status()).isEqualTo(404);
        String theirGiulia = giulia(eve);
        assertThat(eve.patch("/api/v1/contacts/" + theirGiulia, new JsonObject().put("industry", "Agriculture")).status())
                .isEqualTo(200);
        JsonObject theirCompany = captureCompany(eve).json().getJsonObject("company");

        assertThat(theirCompany.getString("industry")).isEqualTo("Agriculture");
        assertThat(theirCompany.getJsonArray("employees")).hasSize(1);
        assertThat(theirCompany.getJsonArray("employees").getJsonObject(0).getString("id")).isEqualTo(theirGiulia);
        assertThat(card(marco, giulia).getString("industry")).isEqualTo("Software Development");
    }

    @Test
    void aPageThatIsNoCompanyIsA422AndAProfileUrlIsNoCompanyUrl() {
        ApiClient marco = team().member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject profileAsCompany = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL).put("source", "linkedin_company");

        ApiClient.Response r = marco.post("/api/v1/captures", profileAsCompany);

        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().getString("error")).isEqualTo("not_a_company");
        assertThat(marco.get("/api/v1/companies/lookup?linkedinUrl=" + GIULIA_URL).status()).isEqualTo(400);
        assertThat(marco.get("/api/v1/companies/lookup").status()).isEqualTo(400);
    }
}
