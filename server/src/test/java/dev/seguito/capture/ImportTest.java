package dev.seguito.capture;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ImportTest {

    @RunningServer
    private static SeguitoServer server;

    private static JsonObject upload(ApiClient client, String key) {
        ApiClient.Response response = client.post("/api/v1/imports", new JsonObject().put("format", "linkedin_csv")
                .put("content", Fixtures.dated("connections.csv")).put("idempotencyKey", key));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json();
    }

    static JsonObject finished(ApiClient client, String id) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            JsonObject status = client.get("/api/v1/imports/" + id).json();
            if ("done".equals(status.getString("status"))) {
                return status;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import " + id + " did not finish");
    }

    @Test
    void linkedinConnectionsAreImportedThroughIdentityResolutionWithProgressAndRowErrors() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Importers");
        String giulia = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://www.linkedin.com/in/giulia-romano-42/")).json().getJsonObject("contact").getString("id");

        JsonObject status = finished(team.admin(), upload(team.admin(), "upload-1").getString("id"));

        assertThat(status.getInteger("total")).isEqualTo(3);
        assertThat(status.getInteger("processed")).isEqualTo(3);
        assertThat(status.getInteger("created")).isEqualTo(2);
        assertThat(status.getInteger("matched") + status.getInteger("updated")).isEqualTo(1);
        assertThat(status.getInteger("failed")).isEqualTo(2);
        assertThat(status.getJsonArray("errors").encode()).contains("line 7: no name", "line 8", "not a date");
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(3);
        JsonObject luca = team.admin().get("/api/v1/contacts/lookup?email=luca.ferri@tessili.example").json();
        assertThat(luca.getString("company")).isEqualTo("Tessili Ferri, S.r.l.");
        assertThat(luca.getString("title")).isEqualTo("Founder & CEO");
        assertThat(luca.getJsonArray("sources").getJsonObject(0).getString("source")).isEqualTo("linkedin_csv");
        assertThat(team.admin().get("/api/v1/contacts/" + giulia + "/timeline").items().getJsonObject(0).getString("type"))
                .isEqualTo("linkedin_connection");
    }

    @Test
    void uploadingTheSameFileAgainWithTheSameKeyStartsNothingNew() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Twice");
        String first = upload(team.admin(), "same-key").getString("id");
        finished(team.admin(), first);

        String second = upload(team.admin(), "same-key").getString("id");

        assertThat(second).isEqualTo(first);
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(3);
    }

    @Test
    void reimportingWithANewKeyMatchesEveryoneAndAddsNoConnectionTwice() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Again");
        finished(team.admin(), upload(team.admin(), "a").getString("id"));

        JsonObject again = finished(team.admin(), upload(team.admin(), "b").getString("id"));

        assertThat(again.getInteger("created")).isZero();
        assertThat(again.getInteger("matched")).isEqualTo(3);
        String elena = team.admin().get("/api/v1/contacts/lookup?linkedinUrl=https://www.linkedin.com/in/elena-moretti-1/").json().getString("id");
        assertThat(team.admin().get("/api/v1/contacts/" + elena + "/timeline").items()).hasSize(1);
    }

    @Test
    void anImportLeftRunningByAStoppedServerIsResumedByTheNextOne() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Resume");
        UUID jobId = UUID.randomUUID();
        server.pool().preparedQuery("""
                        insert into import_job (id, team_id, member_id, format, idempotency_key, content)
                        values ($1, $2, $3, 'linkedin_csv', 'left-over', $4)""")
                .execute(Tuple.of(jobId, team.teamId(), team.adminMember().id(), Fixtures.dated("connections.csv"))).await();

        try (SeguitoServer next = TestServer.onSharedDatabase()) {
            JsonObject status = finished(new ApiClient(next, team.admin().token()), jobId.toString());
            assertThat(status.getInteger("created")).isEqualTo(3);
        }
    }

    @Test
    void twoServersStartedTogetherShareALeftOverImportAndCountEachRowOnce() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Resume twice");
        int rows = 3 * 250 + 17; // four batches, so that both processes have some to take
        StringBuilder csv = new StringBuilder("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Person,").append(dev.seguito.testing.UniqueCaptures.letters(i)).append(",https://www.linkedin.com/in/resume-twice-").append(i)
                    .append(",,Fabbrica Nord,Buyer,03 Nov 2026\n");
        }
        UUID jobId = UUID.randomUUID();
        server.pool().preparedQuery("""
                        insert into import_job (id, team_id, member_id, format, idempotency_key, content)
                        values ($1, $2, $3, 'linkedin_csv', 'left-over twice', $4)""")
                .execute(Tuple.of(jobId, team.teamId(), team.adminMember().id(), csv.toString())).await();

        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<SeguitoServer> a = threads.submit(() -> TestServer.onSharedDatabase());
            java.util.concurrent.Future<SeguitoServer> b = threads.submit(() -> TestServer.onSharedDatabase());
            try (SeguitoServer first = a.get(120, java.util.concurrent.TimeUnit.SECONDS);
                 SeguitoServer second = b.get(120, java.util.concurrent.TimeUnit.SECONDS)) {
                JsonObject status = finished(new ApiClient(second, team.admin().token()), jobId.toString());

                assertThat(status.getInteger("created")).isEqualTo(rows);
                assertThat(status.getInteger("matched") + status.getInteger("updated")).isZero();
                assertThat(first.pool().preparedQuery("select count(*) from person where team_id = $1")
                        .execute(Tuple.of(team.teamId())).await().iterator().next().getLong(0)).isEqualTo(rows);
                assertThat(first.pool().preparedQuery("select count(*) from import_batch where import_id = $1")
                        .execute(Tuple.of(jobId)).await().iterator().next().getLong(0)).isEqualTo(4);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void vcardsFillGapsWithoutOverwritingWhatTheTeamKnows() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Cards");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");

        String id = team.admin().post("/api/v1/imports", new JsonObject().put("format", "vcard")
                .put("content", Fixtures.text("contacts.vcf")).put("idempotencyKey", "cards")).json().getString("id");
        JsonObject status = finished(team.admin(), id);

        assertThat(status.getInteger("created")).isEqualTo(1);
        assertThat(status.getInteger("matched") + status.getInteger("updated")).isEqualTo(1);
        assertThat(status.getJsonArray("errors").encode()).contains("card 3: no name");
        JsonObject paolo = team.admin().get("/api/v1/contacts/lookup?email=paolo.galli@vetreria-galli.it").json();
        assertThat(paolo.getString("company")).isEqualTo("Vetreria Galli S.r.l.");
        assertThat(paolo.getJsonArray("phones")).containsExactly("+390298765432");
        assertThat(paolo.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/in/paolo-galli-9/");
        assertThat(team.admin().get("/api/v1/contacts/" + giulia).json().getString("title")).isEqualTo("Head of Procurement");
    }

    @Test
    void aVcardsCategoriesBecomeTagsAddedToThoseTheTeamGave() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Card tags");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        marco.patch("/api/v1/contacts/" + giulia,
                new JsonObject().put("tags", new io.vertx.core.json.JsonArray().add("Warm intro")));
        String cards = """
                BEGIN:VCARD\r
                VERSION:3.0\r
                FN:Giulia Romano\r
                EMAIL:giulia.romano@fabbricanord.example\r
                CATEGORIES:warm-intro,Suppliers\r
                END:VCARD\r
                BEGIN:VCARD\r
                VERSION:4.0\r
                FN:Irene Costa\r
                EMAIL:irene.costa@costa-vetri.example\r
                CATEGORIES:Trade fair 2026,  ,%s\r
                CATEGORIES:suppliers\r
                END:VCARD\r
                """.formatted("x".repeat(51));

        String id = team.admin().post("/api/v1/imports", new JsonObject().put("format", "vcard")
                .put("content", cards).put("idempotencyKey", "card-tags")).json().getString("id");
        JsonObject status = finished(team.admin(), id);

        assertThat(status.getJsonArray("errors")).isEmpty();
        assertThat(team.admin().get("/api/v1/contacts/" + giulia).json().getJsonArray("tags"))
                .as("the team's spelling kept, the file's new tag added").containsExactly("Suppliers", "Warm intro");
        assertThat(team.admin().get("/api/v1/contacts/lookup?email=irene.costa@costa-vetri.example").json()
                .getJsonArray("tags")).as("blank and over-long ones left out").containsExactly("suppliers", "Trade fair 2026");
    }

    @Test
    void aFileThatIsNotAnExportIsReportedNotStored() throws Exception {
        TeamFixture team = TestServer.newTeam(server, "Wrong file");
        String id = team.admin().post("/api/v1/imports", new JsonObject().put("format", "linkedin_csv")
                .put("content", "name;phone\nBob;123").put("idempotencyKey", "x")).json().getString("id");

        JsonObject status = finished(team.admin(), id);

        assertThat(status.getInteger("total")).isZero();
        assertThat(status.getJsonArray("errors").getString(0)).contains("Connections.csv");
        assertThat(team.admin().get("/api/v1/imports/" + id).status()).isEqualTo(200);
        assertThat(TestServer.newTeam(server, "Other").admin().get("/api/v1/imports/" + id).status()).isEqualTo(404);
    }
}
