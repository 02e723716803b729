package dev.seguito.capture;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.Gzip;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CaptureFlowTest {

    private static final String GIULIA_URL = "https://it.linkedin.com/in/giulia-romano-42?trk=public_profile";

    @RunningServer
    private static SeguitoServer server;

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Sales " + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void aLinkedinCaptureCreatesOneContactWithItsCard() {
        TeamFixture team = team();

        ApiClient.Response response = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonObject body = response.json();
        assertThat(body.getString("status")).isEqualTo("new");
        JsonObject card = body.getJsonObject("contact");
        assertThat(card.getString("displayName")).isEqualTo("Giulia Romano");
        assertThat(card.getString("title")).isEqualTo("Head of Procurement");
        assertThat(card.getString("company")).isEqualTo("Fabbrica Nord");
        assertThat(card.getString("location")).isEqualTo("Milan, Lombardy, Italy");
        assertThat(card.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/in/giulia-romano-42/");
        assertThat(card.getJsonArray("sources").getJsonObject(0).getString("source")).isEqualTo("linkedin_profile");
        assertThat(team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json().getString("id"))
                .isEqualTo(card.getString("id"));
    }

    @Test
    void aRetriedCaptureGetsTheSameAnswerAndAddsNothing() {
        TeamFixture team = team();
        JsonObject capture = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);

        ApiClient.Response first = team.admin().post("/api/v1/captures", capture);
        ApiClient.Response retry = team.admin().post("/api/v1/captures", capture);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getString("captureId")).isEqualTo(first.json().getString("captureId"));
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void reusingAnIdempotencyKeyForOtherContentIsAConflict() {
        TeamFixture team = team();
        JsonObject capture = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);
        team.admin().post("/api/v1/captures", capture);

        ApiClient.Response response = team.admin().post("/api/v1/captures",
                capture.copy().put("html", Fixtures.text("giulia_linkedin_new_job.html")));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().getString("message")).contains("idempotencyKey");
    }

    @Test
    void theSamePersonCapturedTwiceByTwoColleaguesIsOneRecord() {
        TeamFixture team = team();
        ApiClient bea = team.member("Bea", "bea-" + UUID.randomUUID() + "@sales.example");

        ApiClient.Response mine = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));
        ApiClient.Response hers = bea.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://www.linkedin.com/in/Giulia-Romano-42/"));

        assertThat(hers.json().getString("status")).isEqualTo("matched");
        assertThat(hers.json().getJsonObject("contact").getString("id"))
                .isEqualTo(mine.json().getJsonObject("contact").getString("id"));
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void anEmailThreadCapturedTwiceAddsItsMessagesOnceAndAsksForAReply() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        ApiClient bea = team.member("Bea", "bea-" + UUID.randomUUID() + "@sales.example");

        ApiClient.Response first = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));
        ApiClient.Response second = bea.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonObject card = first.json().getJsonObject("contact");
        assertThat(card.getString("displayName")).isEqualTo("Giulia Romano");
        assertThat(card.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("giulia.romano@fabbricanord.example");
        assertThat(card.getJsonArray("phones")).contains("+390212345678");
        assertThat(second.json().getString("status")).isEqualTo("matched");
        JsonArray timeline = marco.get("/api/v1/contacts/" + card.getString("id") + "/timeline").items();
        assertThat(timeline).hasSize(1);
        assertThat(timeline.getJsonObject(0).getString("direction")).isEqualTo("inbound");
        assertThat(timeline.getJsonObject(0).getString("by")).isEqualTo("Marco Rossi");
        JsonObject nextTouch = marco.get("/api/v1/contacts/" + card.getString("id")).json().getJsonObject("nextTouch");
        assertThat(nextTouch.getString("rule")).isEqualTo("answer_inbound");
        assertThat(nextTouch.getString("reason")).contains(Fixtures.dayMonth("2026-11-17"));
    }

    @Test
    void theCapturersOwnMailboxAddressIsNeverAContactAndItsMessagesAreTheirs() {
        TeamFixture team = team();

        ApiClient.Response response = team.admin().post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")
                .put("ownEmails", new JsonArray().add("Marco@Seguito-Sales.example")));

        assertThat(response.json().getJsonArray("contacts")).hasSize(1);
        assertThat(team.admin().get("/api/v1/contacts?q=marco").items()).isEmpty();
        JsonObject item = team.admin().get("/api/v1/contacts/" + response.json().getJsonObject("contact").getString("id")
                + "/timeline").items().getJsonObject(0);
        assertThat(item.getString("direction")).isEqualTo("inbound");
        assertThat(item.getString("by")).isEqualTo(team.adminMember().name());
    }

    @Test
    void aRecipientOfSomeoneElsesMessageIsNotAskedToBeAnswered() {
        TeamFixture team = team();

        ApiClient.Response response = team.admin().post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));

        // the capturer's address is unknown here, so Marco is just another recipient: Giulia wrote, not Marco
        JsonObject marco = team.admin().get("/api/v1/contacts/lookup?email=marco@seguito-sales.example").json();
        assertThat(marco.getJsonObject("nextTouch") == null
                || !"answer_inbound".equals(marco.getJsonObject("nextTouch").getString("rule"))).isTrue();
        assertThat(response.json().getJsonObject("contact").getJsonObject("nextTouch").getString("rule")).isEqualTo("answer_inbound");
    }

    @Test
    void linkedinAndEmailCapturesOfOnePersonByTwoMembersEndAsOneContactWithBothSources() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String profileId = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");

        ApiClient.Response fromEmail = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));

        // same name at the same company is weak evidence: asked, never merged automatically
        assertThat(fromEmail.json().getString("status")).isEqualTo("possible_duplicate");
        String emailId = fromEmail.json().getJsonObject("contact").getString("id");
        assertThat(emailId).isNotEqualTo(profileId);
        JsonObject question = marco.get("/api/v1/contacts/" + profileId).json().getJsonArray("possibleDuplicates").getJsonObject(0);
        assertThat(question.getString("id")).isEqualTo(emailId);
        assertThat(question.getString("company")).isEqualTo("Fabbrica Nord"); // "S.p.A." is the same company

        ApiClient.Response merged = marco.post("/api/v1/contacts/" + profileId + "/duplicates/" + emailId + "/confirm", null);

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonObject card = merged.json();
        assertThat(card.getJsonArray("sources").stream().map(s -> ((JsonObject) s).getString("source")))
                .containsExactlyInAnyOrder("linkedin_profile", "eml");
        assertThat(card.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/in/giulia-romano-42/");
        assertThat(card.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("giulia.romano@fabbricanord.example");
        assertThat(card.getJsonArray("timeline")).hasSize(1);
        assertThat(card.getJsonArray("possibleDuplicates")).isEmpty();
        assertThat(marco.get("/api/v1/contacts/" + emailId).status()).isEqualTo(404);
        assertThat(marco.get("/api/v1/contacts/lookup?email=giulia.romano@fabbricanord.example").json().getString("id")).isEqualTo(profileId);
        assertThat(marco.get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void anEmailWhoseSignatureLinksTheLinkedinProfileMergesIntoTheCapturedProfileAutomatically() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String profileId = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");

        ApiClient.Response fromEmail = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia_linkedin_signature.eml"));

        assertThat(fromEmail.json().getString("status")).isEqualTo("updated");
        JsonObject card = fromEmail.json().getJsonObject("contact");
        assertThat(card.getString("id")).isEqualTo(profileId);
        assertThat(card.getString("title")).isEqualTo("Head of Procurement");
        assertThat(card.getJsonArray("sources").stream().map(s -> ((JsonObject) s).getString("source")))
                .containsExactlyInAnyOrder("linkedin_profile", "eml");
        assertThat(card.getJsonArray("sources").stream().map(s -> ((JsonObject) s).getString("by")))
                .containsExactlyInAnyOrder(team.adminMember().name(), "Marco Rossi");
        assertThat(marco.get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void aBounceMarksTheAddressInvalidAndAsksToFindTheNewOne() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        marco.post("/api/v1/contacts/" + giulia + "/interactions", new JsonObject().put("type", "email")
                .put("occurredAt", Fixtures.at("2026-11-18T09:00:00Z").toString()));

        ApiClient.Response bounce = marco.post("/api/v1/captures", Fixtures.eml("bounce_for_giulia.eml"));

        assertThat(bounce.status()).as(bounce.body()).isEqualTo(201);
        assertThat(bounce.json().getJsonArray("contacts")).isEmpty(); // the mailer daemon is nobody to follow up
        JsonObject card = marco.get("/api/v1/contacts/" + giulia).json();
        assertThat(card.getJsonArray("emails").getJsonObject(0).getBoolean("valid")).isFalse();
        assertThat(card.getJsonObject("nextTouch").getString("rule")).isEqualTo("data_hygiene");
        assertThat(card.getJsonObject("nextTouch").getString("reason")).contains("giulia.romano@fabbricanord.example");
        assertThat(marco.get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void whenAColleagueJustTouchedThePersonThePanelSaysWhoAndTheAgendaStaysQuiet() {
        TeamFixture team = team();
        ApiClient bea = team.member("Bea Neri", "bea-" + UUID.randomUUID() + "@sales.example");
        String giulia = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");
        assertThat(team.admin().get("/api/v1/agenda?range=today").items()).hasSize(1);

        bea.post("/api/v1/contacts/" + giulia + "/interactions", new JsonObject().put("type", "email"));

        JsonObject nextTouch = team.admin().get("/api/v1/contacts/" + giulia).json().getJsonObject("nextTouch");
        assertThat(nextTouch.getString("rule")).isEqualTo("frequency_cap");
        assertThat(nextTouch.getString("touchedBy")).isEqualTo("Bea Neri");
        assertThat(nextTouch.getString("reason")).contains("Bea Neri");
        assertThat(team.admin().get("/api/v1/agenda?range=week").items()).isEmpty();
        JsonObject why = team.admin().get("/api/v1/contacts/" + giulia + "/next-touch/explain").json();
        assertThat(why.getValue("chosen")).isNull();
        assertThat(why.getJsonArray("candidates").getJsonObject(0).getString("rule")).isEqualTo("rhythm");
        assertThat(why.getJsonArray("suppressions").getJsonObject(0).getString("by")).isEqualTo("frequency_cap");
        assertThat(why.getJsonArray("suppressions").getJsonObject(0).getString("touchedBy")).isEqualTo("Bea Neri");
    }

    @Test
    void aNewCompanyOnLinkedinIsAJobChangeThatKeepsHistoryAndSuggestsCongratulations() {
        TeamFixture team = team();
        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));

        ApiClient.Response later = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin_new_job.html", GIULIA_URL));

        assertThat(later.json().getString("status")).isEqualTo("updated");
        JsonObject card = later.json().getJsonObject("contact");
        assertThat(card.getString("company")).isEqualTo("Officine Sud");
        assertThat(card.getString("title")).isEqualTo("Chief Operating Officer");
        assertThat(card.getJsonObject("nextTouch").getString("rule")).isEqualTo("data_hygiene");
        assertThat(card.getJsonObject("nextTouch").getString("action")).containsIgnoringCase("congratulate");
        assertThat(card.getJsonObject("nextTouch").getString("reason")).contains("Fabbrica Nord", "Officine Sud");
    }

    @Test
    void aPageThatIsNotAProfileIsA422AndStoresNothing() {
        TeamFixture team = team();
        JsonObject capture = Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/authwall")
                .put("html", "<html><head><title>Sign Up | LinkedIn</title></head><body><main><h1>Join LinkedIn</h1>"
                        + "<form class=\"join-form\"><input name=\"email-address\"></form></main></body></html>");

        ApiClient.Response response = team.admin().post("/api/v1/captures", capture);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().getString("error")).isEqualTo("not_a_profile");
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isZero();
    }

    @Test
    void garbageHtmlIsAClear422NotAServerError() {
        TeamFixture team = team();
        JsonObject capture = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)
                .put("html", "<<<>>><div <p>>\u0000\uFFFD" + "<div>".repeat(20_000));

        ApiClient.Response response = team.admin().post("/api/v1/captures", capture);

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().getString("message")).isNotBlank();
    }

    @Test
    void aGzipBodyIsKeptAsItArrivedAndReparsesToTheSameContact() throws Exception {
        TeamFixture team = team();
        byte[] gzip = Gzip.of(Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL).toBuffer().getBytes());

        ApiClient.Response response = team.admin().send(HttpMethod.POST, "/api/v1/captures",
                Buffer.buffer(gzip), "gzip");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String captureId = response.json().getString("captureId");
        var stored = server.pool().preparedQuery("select raw, raw_format from capture where id = $1")
                .execute(io.vertx.sqlclient.Tuple.of(UUID.fromString(captureId))).await().iterator().next();
        assertThat(stored.getString("raw_format")).isEqualTo("request");
        assertThat(stored.getBuffer("raw").getBytes()).isEqualTo(gzip);
        ApiClient.Response reparsed = team.admin().post("/api/v1/captures/" + captureId + "/reparse", null);
        assertThat(reparsed.status()).as(reparsed.body()).isEqualTo(200);
        assertThat(reparsed.json().getJsonObject("contact").getString("id"))
                .isEqualTo(response.json().getJsonObject("contact").getString("id"));
        assertThat(reparsed.json().getJsonObject("contact").getString("displayName"))
                .isEqualTo(response.json().getJsonObject("contact").getString("displayName"));
    }

    @Test
    void reparsingAStoredCaptureMergesAgainWithoutDuplicatingAnything() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject first = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json();

        ApiClient.Response again = team.admin().post("/api/v1/captures/" + first.getString("captureId") + "/reparse", null);
        ApiClient.Response all = team.admin().post("/api/v1/admin/reparse", new JsonObject().put("since", "2020-01-01"));

        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getJsonObject("contact").getString("id")).isEqualTo(first.getJsonObject("contact").getString("id"));
        assertThat(all.json().getInteger("reparsed")).isEqualTo(1);
        assertThat(marco.get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
        assertThat(marco.get("/api/v1/contacts/" + first.getJsonObject("contact").getString("id") + "/timeline").items()).hasSize(1);
        assertThat(marco.post("/api/v1/captures/" + first.getString("captureId") + "/reparse", null).status()).isEqualTo(403);
        assertThat(team().admin().post("/api/v1/captures/" + first.getString("captureId") + "/reparse", null).status()).isEqualTo(404);
    }

    @Test
    void missingFieldsAreA400ThatSaysWhatIsMissing() {
        TeamFixture team = team();

        ApiClient.Response noKey = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)
                .put("idempotencyKey", (String) null));
        ApiClient.Response badSource = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)
                .put("source", "myspace"));

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().getString("message")).contains("idempotencyKey");
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.json().getString("message")).contains("linkedin_profile");
    }
}
