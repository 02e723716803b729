package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A name, title or employer a capture got wrong, corrected by hand ({@code PATCH /contacts/{id}}). */
class ContactCorrectionTest {

    @RunningServer
    private static SeguitoServer server;

    private record Giulia(TeamFixture team, ApiClient marco, String id) {
        ApiClient.Response patch(JsonObject body) {
            return marco.patch("/api/v1/contacts/" + id, body);
        }

        JsonObject card() {
            return marco.get("/api/v1/contacts/" + id).json();
        }
    }

    /** Giulia as her email signature gave her: Head of Procurement at Fabbrica Nord S.p.A. */
    private static Giulia giulia() {
        TeamFixture team = TestServer.newTeam(server, "Editors " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String id = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        return new Giulia(team, marco, id);
    }

    private static final String GIULIA_URL = "https://www.linkedin.com/in/giulia-romano-42/";

    /** Giulia as her own LinkedIn profile gives her: Head of Procurement at Fabbrica Nord. */
    private static Giulia giuliaFromLinkedIn() {
        TeamFixture team = TestServer.newTeam(server, "Editors " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        ApiClient.Response r = marco.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Giulia giulia = new Giulia(team, marco, r.json().getJsonObject("contact").getString("id"));
        assertThat(giulia.card().getString("title")).isEqualTo("Head of Procurement");
        return giulia;
    }

    /** A capture as the extension sends it on the user's click: seen now, after any correction made so far. */
    private static JsonObject seenNow(JsonObject capture) {
        return capture.put("capturedAt", Instant.now().toString());
    }

    private static long jobChanges(Giulia giulia) {
        return server.pool().preparedQuery("select count(*) from job_change where party_id = $1")
                .execute(Tuple.of(UUID.fromString(giulia.id()))).await().iterator().next().getLong(0);
    }

    @Test
    void aNameAndTitleCorrectedByHandShowOnTheCardWithWhoCorrectedThem() {
        Giulia giulia = giulia();

        ApiClient.Response r = giulia.patch(new JsonObject().put("lastName", " Romano-Bianchi ").put("title", "Chief Procurement Officer"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("displayName")).isEqualTo("Giulia Romano-Bianchi");
        assertThat(r.json().getString("lastName")).isEqualTo("Romano-Bianchi");
        assertThat(r.json().getString("title")).isEqualTo("Chief Procurement Officer");
        JsonArray sources = r.json().getJsonArray("sources");
        assertThat(sources.stream().map(o -> (JsonObject) o).filter(s -> "manual".equals(s.getString("source"))))
                .singleElement().satisfies(s -> assertThat(s.getString("by")).isEqualTo("Marco Rossi"));
        assertThat(giulia.marco().get("/api/v1/contacts?q=romano-bianchi").json().getLong("total")).isOne();
    }

    @Test
    void aNameCorrectedToThatOfSomeoneAtTheSameCompanyAsksWhetherTheyAreOnePersonAndARejectionStands() {
        Giulia giulia = giuliaFromLinkedIn();
        String other = giulia.marco().post("/api/v1/captures", otherProfile("g-rossi-fn", "Giulia Rossi")).json()
                .getJsonObject("contact").getString("id");
        assertThat(giulia.card().getJsonArray("possibleDuplicates")).isEmpty();

        ApiClient.Response r = giulia.marco().patch("/api/v1/contacts/" + other, new JsonObject().put("lastName", "Romano"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonArray("possibleDuplicates")).singleElement()
                .satisfies(d -> assertThat(((JsonObject) d).getString("id")).isEqualTo(giulia.id()));
        assertThat(giulia.card().getJsonArray("possibleDuplicates")).hasSize(1);

        giulia.marco().post("/api/v1/contacts/" + giulia.id() + "/duplicates/" + other + "/reject", null);
        giulia.marco().patch("/api/v1/contacts/" + other, new JsonObject().put("lastName", "Rossi"));
        giulia.marco().patch("/api/v1/contacts/" + other, new JsonObject().put("lastName", "Romano"));
        assertThat(giulia.card().getJsonArray("possibleDuplicates")).isEmpty();
    }

    @Test
    void anEmployerCorrectedToTheCompanyOfSomeoneOfTheSameNameAsksToo() {
        Giulia giulia = giuliaFromLinkedIn();
        String other = giulia.marco().post("/api/v1/captures", otherProfile("giulia-romano-lario", "Giulia Romano")
                .put("html", otherProfile("giulia-romano-lario", "Giulia Romano").getString("html")
                        .replace("Fabbrica Nord", "Officine Lario"))).json().getJsonObject("contact").getString("id");
        assertThat(giulia.card().getJsonArray("possibleDuplicates")).isEmpty();

        ApiClient.Response r = giulia.marco().patch("/api/v1/contacts/" + other, new JsonObject().put("company", "Fabbrica Nord"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getJsonArray("possibleDuplicates")).hasSize(1);
        assertThat(giulia.card().getJsonArray("possibleDuplicates")).singleElement()
                .satisfies(d -> assertThat(((JsonObject) d).getString("id")).isEqualTo(other));
    }

    /** Giulia's profile page made into another person's: another slug and name, the same employer. */
    private static JsonObject otherProfile(String slug, String name) {
        String html = Fixtures.text("giulia_linkedin.html").replace("giulia-romano-42", slug).replace("Giulia Romano", name);
        return Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/" + slug + "/").put("html", html);
    }

    @Test
    void aCorrectionIsAuditedWithTheFieldsItChangedButNotTheirValues() {
        Giulia giulia = giulia();

        giulia.patch(new JsonObject().put("relationshipType", "client").put("title", "Chief Procurement Officer")
                .put("company", "Fabbrica Sud"));
        giulia.patch(new JsonObject().put("relationshipType", "client").put("title", "Chief Procurement Officer"));

        var audit = server.pool().preparedQuery("""
                        select detail from audit_log where team_id = $1 and action = 'contact.corrected'""")
                .execute(Tuple.of(giulia.team().teamId())).await();
        assertThat(audit.size()).as("the second PATCH changed nothing, so it is not a correction").isOne();
        JsonObject detail = (JsonObject) audit.iterator().next().getValue("detail");
        assertThat(detail.getString("contactId")).isEqualTo(giulia.id());
        assertThat(detail.getJsonArray("fields")).containsExactly("relationshipType", "title", "company");
        assertThat(detail.encode()).doesNotContain("Procurement").doesNotContain("Fabbrica");
    }

    @Test
    void aHeadlineAndLocationAreSetAndClearedByHand() {
        Giulia giulia = giulia();

        JsonObject card = giulia.patch(new JsonObject().put("location", "Milan, Italy")
                .put("headline", "Buying steel and goodwill for " + "Fabbrica Nord ".repeat(15).strip())).json();
        assertThat(card.getString("location")).isEqualTo("Milan, Italy");
        assertThat(card.getString("headline")).startsWith("Buying steel").hasSizeGreaterThan(200);

        card = giulia.patch(new JsonObject().put("headline", "")).json();
        assertThat(card.getString("headline")).isNull();
        assertThat(card.getString("location")).isEqualTo("Milan, Italy");
        assertThat(giulia.patch(new JsonObject().put("headline", "x".repeat(301))).status()).isEqualTo(400);
        assertThat(giulia.patch(new JsonObject().put("location", "x".repeat(201))).status()).isEqualTo(400);
        var audit = server.pool().preparedQuery("""
                        select detail from audit_log where team_id = $1 and action = 'contact.corrected' order by id""")
                .execute(Tuple.of(giulia.team().teamId())).await();
        assertThat(audit.size()).isEqualTo(2);
        assertThat(((JsonObject) audit.iterator().next().getValue("detail")).getJsonArray("fields"))
                .containsExactly("headline", "location");
    }

    @Test
    void theAboutTextIsCorrectedOrClearedByHandKeepingItsLines() {
        Giulia giulia = giuliaFromLinkedIn();
        String about = "Buying steel for Fabbrica Nord.\n\nAsk me about supplier days.";

        JsonObject card = giulia.patch(new JsonObject().put("about", "  " + about + "\n")).json();

        assertThat(card.getString("about")).isEqualTo(about);
        assertThat(giulia.patch(new JsonObject().put("about", "x".repeat(4001))).status()).isEqualTo(400);
        assertThat(giulia.patch(new JsonObject().put("about", "")).json().getString("about")).isNull();
    }

    @Test
    void aCorrectedEmployerIsNotAJobChange() {
        Giulia giulia = giulia();
        assertThat(giulia.card().getString("company")).isEqualTo("Fabbrica Nord S.p.A.");

        ApiClient.Response r = giulia.patch(new JsonObject().put("company", "Fabbrica Sud"));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("company")).isEqualTo("Fabbrica Sud");
        assertThat(r.json().getString("title")).isEqualTo("Head of Procurement");
        long jobChanges = server.pool().preparedQuery("select count(*) from job_change where party_id = $1")
                .execute(Tuple.of(UUID.fromString(giulia.id()))).await().iterator().next().getLong(0);
        assertThat(jobChanges).isZero();
        JsonArray employment = giulia.marco().get("/api/v1/contacts/" + giulia.id() + "/export?format=json").json()
                .getJsonArray("employment");
        assertThat(employment).hasSize(1);
        assertThat(employment.getJsonObject(0).getString("company")).isEqualTo("Fabbrica Sud");
        assertThat(employment.getJsonObject(0).getValue("thru")).isNull();
    }

    @Test
    void aLaterEmailSignatureDoesNotUndoTheCorrection() {
        Giulia giulia = giulia();
        giulia.patch(new JsonObject().put("title", "Chief Procurement Officer"));

        giulia.marco().post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));

        assertThat(giulia.card().getString("title")).isEqualTo("Chief Procurement Officer");
    }

    @Test
    void aStaleCopyOfTheLinkedInProfileDoesNotUndoTheCorrection() {
        Giulia giulia = giuliaFromLinkedIn();
        giulia.patch(new JsonObject().put("title", "Chief Procurement Officer").put("company", "Fabbrica Sud")
                .put("lastName", "Romano-Bianchi"));

        ApiClient.Response again = giulia.marco().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));

        assertThat(again.status()).as(again.body()).isIn(200, 201);
        JsonObject card = giulia.card();
        assertThat(card.getString("title")).isEqualTo("Chief Procurement Officer");
        assertThat(card.getString("company")).isEqualTo("Fabbrica Sud");
        assertThat(card.getString("displayName")).isEqualTo("Giulia Romano-Bianchi");
        assertThat(jobChanges(giulia)).as("the employer corrected away is not a new job").isZero();
    }

    @Test
    void aProfileThatShowsSomethingNewReplacesTheCorrection() {
        Giulia giulia = giuliaFromLinkedIn();
        giulia.patch(new JsonObject().put("title", "Chief Procurement Officer").put("company", "Fabbrica Sud"));

        giulia.marco().post("/api/v1/captures", seenNow(Fixtures.linkedin("giulia_linkedin_new_job.html", GIULIA_URL)));

        JsonObject card = giulia.card();
        assertThat(card.getString("title")).isEqualTo("Chief Operating Officer");
        assertThat(card.getString("company")).isEqualTo("Officine Sud");
        var change = server.pool().preparedQuery("select old_company, new_company from job_change where party_id = $1")
                .execute(Tuple.of(UUID.fromString(giulia.id()))).await();
        assertThat(change.size()).isOne();
        assertThat(change.iterator().next().getString("old_company")).isEqualTo("Fabbrica Sud");
    }

    @Test
    void aPageSeenBeforeTheCorrectionDoesNotUndoItEvenWhenItShowsSomethingElse() {
        Giulia giulia = giuliaFromLinkedIn();
        // captured offline an hour ago, sent once the laptop is back online, after a colleague's correction
        JsonObject queued = Fixtures.linkedin("giulia_linkedin_new_job.html", GIULIA_URL)
                .put("capturedAt", Instant.now().minus(Duration.ofHours(1)).toString());
        giulia.patch(new JsonObject().put("title", "Chief Procurement Officer").put("company", "Fabbrica Sud"));

        ApiClient.Response late = giulia.marco().post("/api/v1/captures", queued);

        assertThat(late.status()).as(late.body()).isIn(200, 201);
        JsonObject card = giulia.card();
        assertThat(card.getString("title")).isEqualTo("Chief Procurement Officer");
        assertThat(card.getString("company")).isEqualTo("Fabbrica Sud");
        assertThat(jobChanges(giulia)).as("an employer older than the correction is not a new job").isZero();
    }

    @Test
    void parsingACaptureFromBeforeTheCorrectionAgainDoesNotUndoIt() {
        Giulia giulia = giuliaFromLinkedIn(); // Head of Procurement
        String firstCapture = server.pool().preparedQuery("select id from capture where team_id = $1")
                .execute(Tuple.of(giulia.team().teamId())).await().iterator().next().getUUID(0).toString();
        giulia.marco().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin_new_job.html", GIULIA_URL));
        giulia.patch(new JsonObject().put("title", "Head of Operations")); // corrects away Chief Operating Officer

        ApiClient.Response reparsed = giulia.team().admin().post("/api/v1/captures/" + firstCapture + "/reparse", null);

        assertThat(reparsed.status()).as(reparsed.body()).isEqualTo(200);
        assertThat(giulia.card().getString("title")).as("the first page's title is older than the correction")
                .isEqualTo("Head of Operations");
    }

    @Test
    void correctingACorrectionStillKeepsThePagesOldValueOut() {
        Giulia giulia = giuliaFromLinkedIn();
        giulia.patch(new JsonObject().put("title", "Chief Procurement Oficer"));
        giulia.patch(new JsonObject().put("title", "Chief Procurement Officer"));

        giulia.marco().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));

        assertThat(giulia.card().getString("title")).isEqualTo("Chief Procurement Officer");
        JsonArray provenance = giulia.marco().get("/api/v1/contacts/" + giulia.id() + "/export?format=json").json()
                .getJsonArray("provenance");
        assertThat(provenance.stream().map(o -> (JsonObject) o)
                .filter(p -> "manual".equals(p.getString("source")) && "title".equals(p.getString("field"))))
                .singleElement().satisfies(p -> assertThat(p.getString("replacedValue")).isEqualTo("Head of Procurement"));
    }

    @Test
    void theRelationshipTypeStillChangesAloneAndATitleCanBeCleared() {
        Giulia giulia = giulia();

        JsonObject card = giulia.patch(new JsonObject().put("relationshipType", "Client").put("title", "")).json();

        assertThat(card.getString("relationshipType")).isEqualTo("client");
        assertThat(card.getString("title")).isNull();
    }

    @Test
    void whatCannotBeCorrectedSoIsA400ThatSaysWhy() {
        Giulia giulia = giulia();

        assertThat(giulia.patch(new JsonObject()).json().getString("message")).contains("at least one");
        assertThat(giulia.patch(new JsonObject().put("linkedinUrl", "x")).json().getString("message")).contains("cannot be changed");
        assertThat(giulia.patch(new JsonObject().put("firstName", "").put("lastName", " ")).json().getString("message")).contains("needs a name");
        assertThat(giulia.patch(new JsonObject().put("company", "")).status()).isEqualTo(400);
        assertThat(giulia.patch(new JsonObject().put("title", 7)).status()).isEqualTo(400);
        assertThat(giulia.patch(new JsonObject().put("title", "x".repeat(201))).status()).isEqualTo(400);
        assertThat(giulia.patch(new JsonObject().put("relationshipType", "friend")).status()).isEqualTo(400);
        assertThat(giulia.marco().patch("/api/v1/contacts/" + UUID.randomUUID(),
                new JsonObject().put("title", "CEO")).status()).isEqualTo(404);
        assertThat(giulia.card().getString("title")).isEqualTo("Head of Procurement");
    }
}
