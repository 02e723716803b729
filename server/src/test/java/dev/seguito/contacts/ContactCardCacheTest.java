package dev.seguito.contacts;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The side panel is answered from kept cards (ContactCardCache). These tests change, straight in the database, each
 * thing a card shows, the way no Java path announces it, and check that the very next look-up serves the change.
 */
class ContactCardCacheTest {

    private static final String GIULIA_URL = "https://www.linkedin.com/in/giulia-romano-42/";
    private static final String GIULIA_EMAIL = "giulia.romano@fabbricanord.example";

    @RunningServer
    private static SeguitoServer server;
    private static SeguitoServer otherProcess;

    @BeforeAll
    static void start() {
        otherProcess = TestServer.onSharedDatabase();
    }

    @AfterAll
    static void stop() {
        otherProcess.close();
    }

    @Test
    void everyChangeToWhatACardShowsIsServedByTheNextLookUp() {
        TeamFixture team = TestServer.newTeam(server, "Card cache");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        UUID giulia = UUID.fromString(team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id"));
        marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia_linkedin_signature.eml"));
        UUID lookalike = SeedContacts.person(server.pool(), team.teamId(), "Giulia Romano", "giulia-romano-other", null);
        UUID secondLookalike = SeedContacts.person(server.pool(), team.teamId(), "G. Romano", "g-romano", null);
        Steps steps = new Steps(team, giulia);

        steps.change("the person's title", "update person set title = 'Chief Procurement Officer' where party_id = $1", giulia);
        steps.change("the relationship type", "update party set relationship_type = 'client' where id = $1", giulia);
        steps.change("the employer's name", """
                update party_group g set group_name = 'Fabbrica Nord Holding' from party_relationship r
                 where r.party_id_from = g.party_id and r.party_id_to = $1 and r.thru_date is null""", giulia);
        steps.change("the employer's industry", """
                update party_group g set industry = 'Steel' from party_relationship r
                 where r.party_id_from = g.party_id and r.party_id_to = $1 and r.thru_date is null""", giulia);
        steps.change("the employer's size", """
                update party_group g set size_band = '51-200' from party_relationship r
                 where r.party_id_from = g.party_id and r.party_id_to = $1 and r.thru_date is null""", giulia);
        steps.change("a tag added", """
                insert into party_tag (team_id, party_id, tag, tag_key)
                select team_id, id, 'Warm intro', 'warm intro' from party where id = $1""", giulia);
        steps.change("a tag respelled", "update party_tag set tag = 'warm-intro' where party_id = $1", giulia);
        steps.change("a tag removed", "delete from party_tag where party_id = $1", giulia);
        steps.change("an address that bounced", """
                update contact_mech cm set valid = false from party_contact_mech pcm
                 where pcm.contact_mech_id = cm.id and pcm.party_id = $1 and cm.contact_mech_type = 'EMAIL_ADDRESS'""", giulia);
        steps.change("a phone number that ended", """
                update party_contact_mech pcm set thru_date = now() from contact_mech cm
                 where cm.id = pcm.contact_mech_id and pcm.party_id = $1 and cm.contact_mech_type = 'TELECOM_NUMBER'""", giulia);
        steps.change("a new source", """
                insert into field_provenance (team_id, party_id, field, value, source)
                select team_id, id, 'title', 'Buyer', 'vcard' from party where id = $1""", giulia);
        steps.change("an interaction logged", """
                with e as (insert into communication_event (id, team_id, event_type, direction, subject, started_at)
                           select gen_random_uuid(), team_id, 'PHONE_CALL', 'OUTBOUND', 'Call about the offer', now()
                             from party where id = $1 returning id, team_id)
                insert into communication_event_party (event_id, party_id, team_id, role)
                select e.id, $1, e.team_id, 'PARTICIPANT' from e""", giulia);
        steps.change("an interaction's subject", """
                update communication_event e set subject = 'Call about the revised offer' from communication_event_party ep
                 where ep.event_id = e.id and ep.party_id = $1 and e.event_type = 'PHONE_CALL'""", giulia);
        steps.change("the next touch rewritten", "update next_touch set reason = 'Written by hand' where party_id = $1", giulia);
        steps.change("the next touch removed", "delete from next_touch where party_id = $1", giulia);
        steps.change("a colleague's name", "update team_member set name = 'Marco R. Rossi' where team_id = $1 and name = 'Marco Rossi'",
                team.teamId());
        steps.change("a possible duplicate raised", """
                insert into possible_duplicate (team_id, party_id_a, party_id_b, reason)
                select team_id, $1, $2, 'Same name' from party where id = $1""", giulia, lookalike);
        steps.change("the duplicate's name", "update person set full_name = 'Giulia M. Romano' where party_id = $1", lookalike);
        steps.change("the duplicate's employer", """
                insert into party_relationship (id, team_id, party_id_from, party_id_to, relationship_type)
                select gen_random_uuid(), team_id, party_id_from, $2, 'EMPLOYMENT'
                  from party_relationship where party_id_to = $1 and thru_date is null""", giulia, lookalike);
        steps.change("the duplicate question rejected", "update possible_duplicate set status = 'rejected' where party_id_b = $1", lookalike);
        steps.change("another possible duplicate", """
                insert into possible_duplicate (team_id, party_id_a, party_id_b, reason)
                select team_id, $2, $1, 'Same name' from party where id = $1""", giulia, secondLookalike);
        steps.change("the other duplicate merged away", "update party set status = 'MERGED' where id = $1", secondLookalike);
        steps.change("the employment ended", "update party_relationship set thru_date = now() where party_id_to = $1", giulia);
        steps.change("an interaction deleted", """
                delete from communication_event e using communication_event_party ep
                 where ep.event_id = e.id and ep.party_id = $1 and e.event_type = 'PHONE_CALL'""", giulia);

        steps.sql("update party set status = 'DELETED' where id = $1", giulia);
        assertThat(team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).status()).isEqualTo(404);
        assertThat(team.admin().get("/api/v1/contacts/" + giulia).status()).isEqualTo(404);
    }

    @Test
    void aCardKeptByOneServerShowsWhatAnotherServerWroteSince() {
        TeamFixture team = TestServer.newTeam(server, "Two processes");
        String id = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");
        JsonObject before = team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json();

        new ApiClient(otherProcess, team.admin().token()).post("/api/v1/contacts/" + id + "/interactions",
                new JsonObject().put("type", "call").put("note", "Asked for the catalogue"));

        JsonObject after = team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json();
        assertThat(after.getJsonArray("timeline")).hasSize(before.getJsonArray("timeline").size() + 1);
        assertThat(after.getJsonArray("timeline").getJsonObject(0).getString("type")).isEqualTo("call");
    }

    @Test
    void aLookUpKeyThatNowFindsAnotherPersonServesThatPersonsCard() {
        TeamFixture team = TestServer.newTeam(server, "Keys move");
        UUID giulia = UUID.fromString(team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id"));
        assertThat(team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json().getString("id"))
                .isEqualTo(giulia.toString());

        server.pool().preparedQuery("update person set linkedin_slug = null where party_id = $1").execute(Tuple.of(giulia)).await();
        UUID other = SeedContacts.person(server.pool(), team.teamId(), "Giulia Romano", "giulia-romano-42", null);

        JsonObject served = team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).json();
        assertThat(served.getString("id")).isEqualTo(other.toString());
        assertThat(served).isEqualTo(team.admin().get("/api/v1/contacts/" + other).json());
    }

    @Test
    void oneTransactionRaisesACardsVersionOnceHoweverManyOfItsRowsItWrites() {
        TeamFixture team = TestServer.newTeam(server, "Versions");
        UUID anna = SeedContacts.person(server.pool(), team.teamId(), "Anna Bianchi", "anna-bianchi", "anna@client.test");
        long before = version(anna);

        server.pool().withTransaction(tx -> tx.preparedQuery("update person set title = 'Buyer' where party_id = $1").execute(Tuple.of(anna))
                .compose(v -> tx.preparedQuery("update party_contact_mech set purpose = 'WORK_EMAIL' where party_id = $1").execute(Tuple.of(anna)))
                .compose(v -> tx.preparedQuery("""
                        insert into field_provenance (team_id, party_id, field, value, source)
                        values ($2, $1, 'title', 'Buyer', 'manual')""").execute(Tuple.of(anna, team.teamId())))).await();

        assertThat(version(anna)).isEqualTo(before + 1);
    }

    private static long version(UUID partyId) {
        return server.pool().preparedQuery("select card_version from party where id = $1").execute(Tuple.of(partyId)).await()
                .iterator().next().getLong(0);
    }

    /** Looks the card up (so it is kept), runs a change, and compares the next look-up with a card read afresh. */
    private record Steps(TeamFixture team, UUID contact) {

        void change(String what, String sql, Object... params) {
            JsonObject kept = served();
            sql(sql, params);
            JsonObject next = served();
            assertThat(next).as("%s: the card after the change", what).isNotEqualTo(kept);
            assertThat(next).as("%s: served against read afresh", what).isEqualTo(fresh());
            assertThat(team.admin().get("/api/v1/contacts/" + contact).json()).as("%s: by id", what).isEqualTo(next);
            assertThat(team.admin().get("/api/v1/contacts/lookup?email=" + GIULIA_EMAIL).json()).as("%s: by email", what)
                    .isEqualTo(next);
        }

        void sql(String sql, Object... params) {
            server.pool().preparedQuery(sql).execute(Tuple.from(params)).await();
        }

        JsonObject served() {
            ApiClient.Response response = team.admin().get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            return response.json();
        }

        JsonObject fresh() {
            return new JsonObject(ContactQueries.card(server.pool(), team.teamId(), contact).await().orElseThrow().encode());
        }
    }
}
