package dev.seguito.capture;

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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact typed in by hand (a business card, a conversation at a trade fair) joins the team's base as a capture
 * would, only filling gaps in what the team knows, and a meeting given with it starts the 24/7/30 follow-up.
 */
class ContactEntryTest {

    @RunningServer
    private static SeguitoServer server;

    private static final String GIULIA_URL = "https://www.linkedin.com/in/giulia-romano-42/";

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Entries " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject card(String name, String email) {
        return new JsonObject().put("fullName", name).put("email", email).put("idempotencyKey", UUID.randomUUID().toString());
    }

    private static long count(String sql, Object... params) {
        return server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
    }

    private static long people(UUID teamId, String fullName) {
        return count("select count(*) from person pe join party p on p.id = pe.party_id "
                + "where pe.team_id = $1 and pe.full_name = $2 and p.status = 'ACTIVE'", teamId, fullName);
    }

    private static long meetings(String contactId) {
        return count("select count(*) from communication_event_party cep join communication_event e on e.id = cep.event_id "
                + "where cep.party_id = $1 and e.event_type = 'MEETING'", UUID.fromString(contactId));
    }

    @Test
    void aPersonMetAtAFairIsAddedWithTheWrittenFollowUpDueADayAfterTheMeeting() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String email = "anna.verdi-" + unique() + "@officine-verdi.it";
        Instant metAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        JsonObject entry = card("Anna Verdi", email).put("phone", "02 1234 5678").put("company", "Officine Verdi S.r.l.")
                .put("title", "Head of Purchasing").put("website", "officine-verdi.it").put("relationshipType", "partner")
                .put("tags", new JsonArray().add("Fiera Milano 2026"))
                .put("met", new JsonObject().put("at", OffsetDateTime.ofInstant(metAt, ZoneOffset.ofHours(1)).toString())
                        .put("where", "Fiera Milano"));

        ApiClient.Response r = marco.post("/api/v1/contacts", entry);

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonObject answer = r.json();
        assertThat(answer.getString("status")).isEqualTo("new");
        assertThat(answer.getBoolean("replayed")).isFalse();
        JsonObject contact = answer.getJsonObject("contact");
        assertThat(contact.getString("displayName")).isEqualTo("Anna Verdi");
        assertThat(contact.getString("firstName")).isEqualTo("Anna");
        assertThat(contact.getString("lastName")).isEqualTo("Verdi");
        assertThat(contact.getString("title")).isEqualTo("Head of Purchasing");
        assertThat(contact.getString("company")).isEqualTo("Officine Verdi S.r.l.");
        assertThat(contact.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo(email);
        assertThat(contact.getJsonArray("phones")).as("a national number read in the country of the .it address")
                .containsExactly("+390212345678");
        assertThat(contact.getString("website")).isEqualTo("https://officine-verdi.it");
        assertThat(contact.getString("relationshipType")).isEqualTo("partner");
        assertThat(contact.getJsonArray("tags")).containsExactly("Fiera Milano 2026");
        assertThat(contact.getJsonArray("sources").getJsonObject(0).getString("source")).isEqualTo("entered");
        assertThat(contact.getJsonArray("sources").getJsonObject(0).getString("by")).isEqualTo("Marco Rossi");

        JsonObject meeting = answer.getJsonObject("meeting");
        assertThat(meeting.getString("type")).isEqualTo("meeting");
        assertThat(meeting.getString("subject")).isEqualTo("Met at Fiera Milano");
        assertThat(Instant.parse(meeting.getString("occurredAt"))).isEqualTo(metAt);
        assertThat(meeting.getString("by")).isEqualTo("Marco Rossi");
        assertThat(contact.getJsonArray("timeline").getJsonObject(0).getString("id")).isEqualTo(meeting.getString("id"));

        JsonObject next = contact.getJsonObject("nextTouch");
        assertThat(next.getString("rule")).isEqualTo("follow_up_24_7_30");
        assertThat(next.getString("action")).isEqualTo("Send a short written follow-up");
        assertThat(next.getString("reason")).contains("no written follow-up has been sent");
        assertThat(Instant.parse(next.getString("dueAt"))).isEqualTo(metAt.plus(Duration.ofHours(24)));

        UUID id = UUID.fromString(contact.getString("id"));
        assertThat(count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_UPSERT'", id)).isEqualTo(1);
        assertThat(count("select count(*) from outbox where aggregate_id = $1 and kind = 'INTERACTION_CREATE'", id)).isEqualTo(1);
        assertThat(marco.get("/api/v1/contacts/lookup?email=" + email).json().getString("id")).isEqualTo(id.toString());
    }

    @Test
    void aRetriedEntryAddsNobodyTwiceAndNoSecondMeeting() throws Exception {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        // a name only: nothing but the key tells a retry from a second person of the same name
        JsonObject entry = new JsonObject().put("fullName", "Bruno Neri").put("company", "Neri Ottica")
                .put("met", new JsonObject().put("where", "Mido")).put("idempotencyKey", UUID.randomUUID().toString());

        ApiClient.Response first = marco.post("/api/v1/contacts", entry);
        ApiClient.Response again = marco.post("/api/v1/contacts", entry.copy());

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().getBoolean("replayed")).isTrue();
        assertThat(again.json().getString("status")).isEqualTo("new");
        String id = first.json().getJsonObject("contact").getString("id");
        assertThat(again.json().getJsonObject("contact").getString("id")).isEqualTo(id);
        assertThat(again.json().getJsonObject("meeting").getString("id"))
                .isEqualTo(first.json().getJsonObject("meeting").getString("id"));
        assertThat(people(team.teamId(), "Bruno Neri")).isEqualTo(1);
        assertThat(meetings(id)).isEqualTo(1);

        // two submits of one entry at the same instant (a double click): one person, one meeting
        JsonObject racing = entry.copy().put("idempotencyKey", UUID.randomUUID().toString()).put("fullName", "Carla Neri");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ApiClient.Response>> both = List.of(
                    CompletableFuture.supplyAsync(() -> marco.post("/api/v1/contacts", racing), pool),
                    CompletableFuture.supplyAsync(() -> marco.post("/api/v1/contacts", racing), pool));
            List<Integer> statuses = both.stream().map(CompletableFuture::join).map(ApiClient.Response::status).sorted().toList();
            assertThat(statuses).isEqualTo(List.of(200, 201));
            assertThat(both.get(0).join().json().getJsonObject("contact").getString("id"))
                    .isEqualTo(both.get(1).join().json().getJsonObject("contact").getString("id"));
        } finally {
            pool.shutdown();
        }
        assertThat(people(team.teamId(), "Carla Neri")).isEqualTo(1);

        ApiClient.Response reused = marco.post("/api/v1/contacts", entry.copy().put("fullName", "Someone Else"));
        assertThat(reused.status()).as(reused.body()).isEqualTo(409);
        assertThat(reused.json().getString("error")).isEqualTo("conflict");
        assertThat(people(team.teamId(), "Someone Else")).isZero();
    }

    @Test
    void anEntryForSomeoneTheTeamHasOnlyFillsTheGaps() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        ApiClient.Response profile = marco.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));
        String giulia = profile.json().getJsonObject("contact").getString("id");

        JsonObject entry = card("Giulia Romano", "giulia.romano@fabbricanord.example").put("linkedinUrl", GIULIA_URL)
                .put("title", "Buyer").put("relationshipType", "client").put("tags", new JsonArray().add("Card from the fair"));
        ApiClient.Response r = marco.post("/api/v1/contacts", entry);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("updated");
        JsonObject contact = r.json().getJsonObject("contact");
        assertThat(contact.getString("id")).isEqualTo(giulia);
        assertThat(contact.getString("title")).as("her own profile outranks a typed title").isEqualTo("Head of Procurement");
        assertThat(contact.getJsonArray("emails").getJsonObject(0).getString("address")).isEqualTo("giulia.romano@fabbricanord.example");
        assertThat(contact.getString("relationshipType")).as("the type is set for new contacts only").isEqualTo("prospect");
        assertThat(contact.getJsonArray("tags")).containsExactly("Card from the fair");
        assertThat(r.json().getValue("meeting")).isNull();
        assertThat(people(team.teamId(), "Giulia Romano")).isEqualTo(1);
    }

    @Test
    void theSameNameAtTheSameCompanyWithoutAnAddressIsAPossibleDuplicateToConfirm() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");

        ApiClient.Response r = marco.post("/api/v1/contacts", new JsonObject().put("fullName", "Giulia Romano")
                .put("company", "Fabbrica Nord").put("idempotencyKey", UUID.randomUUID().toString()));

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("possible_duplicate");
        JsonObject contact = r.json().getJsonObject("contact");
        assertThat(contact.getString("id")).isNotEqualTo(giulia);
        assertThat(contact.getJsonArray("possibleDuplicates").getJsonObject(0).getString("id")).isEqualTo(giulia);
    }

    @Test
    void aBadEntryIsRefusedWithTheReasonAndNothingIsStored() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String later = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).toString();
        List<JsonObject> bad = List.of(
                new JsonObject().put("email", "x@example.org").put("idempotencyKey", "k1"),
                card("No Key", "nokey@example.org").put("idempotencyKey", " "),
                card("Bad Mail", "not an address"),
                card("Bad Phone", null).put("phone", "12345"),
                card("No Country", "someone@example.com").put("phone", "02 1234 5678"),
                card("Not LinkedIn", null).put("linkedinUrl", "https://example.org/in/someone"),
                card("Future Meeting", null).put("met", new JsonObject().put("at", later)),
                card("Odd Meeting", null).put("met", new JsonObject().put("at", "tomorrow at ten")),
                card("Odd Type", null).put("relationshipType", "friend"),
                card("Unknown Field", null).put("birthday", "1 April"),
                card("Colleague", "marco@seguito-sales.example"),
                card("x".repeat(201), null));
        long before = count("select count(*) from contact_entry where team_id = $1", team.teamId());

        for (JsonObject body : bad) {
            ApiClient.Response r = marco.post("/api/v1/contacts", body);
            assertThat(r.status()).as(body.encode() + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().getString("error")).isEqualTo("bad_request");
            assertThat(r.json().getString("message")).isNotBlank();
        }

        assertThat(count("select count(*) from contact_entry where team_id = $1", team.teamId())).isEqualTo(before);
        assertThat(count("select count(*) from party where team_id = $1 and party_type = 'PERSON'", team.teamId())).isZero();
        ApiClient.Response phone = marco.post("/api/v1/contacts", card("No Country", "someone@example.com").put("phone", "02 1234 5678"));
        assertThat(phone.json().getString("message")).contains("region");
    }

    @Test
    void aLateRetryOfAnEntryWhoseContactWasErasedAnswersGone() {
        TeamFixture team = team();
        JsonObject entry = card("Dario Bassi", "dario-" + unique() + "@example.org")
                .put("met", new JsonObject().put("where", "Web Summit"));
        String id = team.admin().post("/api/v1/contacts", entry).json().getJsonObject("contact").getString("id");

        assertThat(team.admin().delete("/api/v1/contacts/" + id).status()).isEqualTo(204);
        ApiClient.Response late = team.admin().post("/api/v1/contacts", entry);

        assertThat(late.status()).as(late.body()).isEqualTo(410);
        assertThat(late.json().getString("error")).isEqualTo("gone");
        assertThat(people(team.teamId(), "Dario Bassi")).isZero();
        assertThat(count("select count(*) from contact_entry where party_id = $1 and payload_hash is not null",
                UUID.fromString(id))).as("nothing of the person is kept with the key").isZero();
    }
}
