package dev.seguito.identity;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import dev.seguito.testing.UniqueCaptures;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "One person = one record, however many colleagues capture them" must hold when they capture at the same moment,
 * through different server processes sharing the database: the identity keys (and a new company's name) are locked
 * in PostgreSQL, not in a process. Each test releases all its captures at once from a start gate, half of them through
 * each of two servers, and then counts rows in the database itself.
 */
class SimultaneousCapturesTest {

    private static final int COLLEAGUES = 8;
    private static final String GIULIA_URL = "https://www.linkedin.com/in/giulia-romano-42/";

    @RunningServer
    private static SeguitoServer first;

    @RunningServer
    private static SeguitoServer second;

    @Test
    void colleaguesCapturingTheSameProfileAtOnceOnTwoServersMakeOneContactOneCompanyAndOneEmployment() throws Exception {
        TeamFixture team = newTeam("Same moment");
        List<ApiClient> colleagues = colleagues(team);

        List<ApiClient.Response> answers = allAtOnce(COLLEAGUES, i -> colleagues.get(i).post("/api/v1/captures",
                giuliaProfile()));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().getJsonObject("contact").getString("id")).distinct()).hasSize(1);
        assertThat(answers.stream().filter(a -> a.json().getString("status").equals("new"))).hasSize(1);
        assertThat(count("select count(*) from person where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from party_group where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("""
                select count(*) from party_relationship
                 where team_id = $1 and relationship_type = 'EMPLOYMENT' and thru_date is null""", team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from contact_mech where team_id = $1 and contact_mech_type = 'WEB_ADDRESS'",
                team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from next_touch where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from capture where team_id = $1", team.teamId())).isEqualTo(COLLEAGUES);
    }

    @Test
    void colleaguesCapturingTheSameEmailThreadAtOnceLogEachMessageOnceAndMakeOneContact() throws Exception {
        TeamFixture team = newTeam("Same thread");
        List<ApiClient> colleagues = colleagues(team);

        List<ApiClient.Response> answers = allAtOnce(COLLEAGUES, i -> colleagues.get(i).post("/api/v1/captures",
                Fixtures.eml("thread_with_giulia.eml")));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().getJsonObject("contact").getString("id")).distinct()).hasSize(1);
        assertThat(count("select count(*) from communication_event where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("""
                select count(*) from contact_mech
                 where team_id = $1 and contact_mech_type = 'EMAIL_ADDRESS' and info_string = 'giulia.romano@fabbricanord.example'""",
                team.teamId())).isEqualTo(1);
        assertThat(count("""
                select count(*) from person pe join party_contact_mech pcm on pcm.party_id = pe.party_id
                  join contact_mech cm on cm.id = pcm.contact_mech_id
                 where pe.team_id = $1 and cm.info_string = 'giulia.romano@fabbricanord.example'""", team.teamId())).isEqualTo(1);
    }

    @Test
    void differentPeopleAtTheSameNewCompanyCapturedAtOnceShareOneCompany() throws Exception {
        TeamFixture team = newTeam("Same company");
        List<ApiClient> colleagues = colleagues(team);

        List<ApiClient.Response> answers = allAtOnce(COLLEAGUES, i -> colleagues.get(i).post("/api/v1/captures",
                UniqueCaptures.linkedin("coworker", i, UUID.randomUUID().toString())));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
        assertThat(answers.stream().map(a -> a.json().getJsonObject("contact").getString("company")).distinct())
                .containsExactly("Fabbrica Nord");
        assertThat(count("select count(*) from person where team_id = $1", team.teamId())).isEqualTo(COLLEAGUES);
        assertThat(count("select count(*) from party_group where team_id = $1", team.teamId())).isEqualTo(1);
    }

    @Test
    void aProfileAndAnEmailWhoseSignatureLinksItCapturedAtOnceEndAsOneContactWithBothSources() throws Exception {
        for (int round = 0; round < 3; round++) { // each round a new team, so that each is a race to create her
            TeamFixture team = newTeam("Two sources");
            ApiClient marco = marcoOnTheSecondServer(team);

            List<ApiClient.Response> answers = profileAndThreadAtOnce(team, marco, "thread_with_giulia_linkedin_signature.eml");

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
            assertThat(answers.stream().map(a -> a.json().getJsonObject("contact").getString("id")).distinct()).hasSize(1);
            assertThat(count("select count(*) from person where team_id = $1", team.teamId())).isEqualTo(1);
            assertThat(count("select count(distinct source) from field_provenance where team_id = $1", team.teamId()))
                    .isEqualTo(2);
        }
    }

    @Test
    void theSameNameAtTheSameCompanyCapturedAtOnceWithoutASharedKeyIsStillAskedAboutOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            TeamFixture team = newTeam("Weak evidence");
            ApiClient marco = marcoOnTheSecondServer(team);

            // the profile has no address, the thread no profile link: only name and company say they are one person
            List<ApiClient.Response> answers = profileAndThreadAtOnce(team, marco, "thread_with_giulia.eml");

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isEqualTo(201));
            assertThat(answers.stream().map(a -> a.json().getString("status")))
                    .containsExactlyInAnyOrder("new", "possible_duplicate");
            assertThat(count("select count(*) from possible_duplicate where team_id = $1", team.teamId())).isEqualTo(1);
        }
    }

    @Test
    void aMessageCapturedWhileItsSenderIsMergedIntoAnotherRecordEndsOnTheRecordThatStays() throws Exception {
        for (int round = 0; round < 4; round++) {
            TeamFixture team = newTeam("Merge race");
            ApiClient marco = marcoOnTheSecondServer(team);
            String profile = team.admin().post("/api/v1/captures", giuliaProfile())
                    .json().getJsonObject("contact").getString("id");
            String fromEmail = giuliaFromHerThread(marco);
            JsonObject laterMessage = anotherMessageFromGiulia(round + 2);

            List<ApiClient.Response> answers = allAtOnce(2, i -> i == 0
                    ? team.admin().post("/api/v1/contacts/" + profile + "/duplicates/" + fromEmail + "/confirm", null)
                    : marco.post("/api/v1/captures", laterMessage));

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
            assertThat(marco.get("/api/v1/contacts/" + profile + "/timeline").items()).as("round " + round).hasSize(2);
            assertThat(rowsOnRecordsGone("communication_event_party", team.teamId())).isZero();
            assertThat(rowsOnRecordsGone("party_contact_mech", team.teamId())).isZero();
        }
    }

    @Test
    void aMessageCapturedWhileItsSenderIsErasedIsEitherErasedWithHerOrKeptOnANewContactNeverOnTheErasedOne() throws Exception {
        for (int round = 0; round < 4; round++) {
            TeamFixture team = newTeam("Erase race");
            ApiClient marco = marcoOnTheSecondServer(team);
            String giulia = giuliaFromHerThread(marco);
            JsonObject laterMessage = anotherMessageFromGiulia(round + 2);

            List<ApiClient.Response> answers = allAtOnce(2, i -> i == 0
                    ? team.admin().delete("/api/v1/contacts/" + giulia)
                    : marco.post("/api/v1/captures", laterMessage));

            assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(204);
            assertThat(answers.get(1).status()).as(answers.get(1).body()).isEqualTo(201);
            long kept = count("select count(*) from communication_event where team_id = $1", team.teamId());
            long onActiveContacts = count("""
                    select count(*) from communication_event_party cep join party p on p.id = cep.party_id
                     where cep.team_id = $1 and p.status = 'ACTIVE'""", team.teamId());
            assertThat(kept).as("round " + round + ": the later message, if it came after the erasure").isLessThanOrEqualTo(1);
            assertThat(onActiveContacts).isEqualTo(kept);
            assertThat(rowsOnRecordsGone("party_contact_mech", team.teamId())).isZero();
            assertThat(count("select count(*) from field_provenance where party_id = $1", UUID.fromString(giulia))).isZero();
        }
    }

    @Test
    void aTitleCorrectedByHandWhileAColleagueCapturesTheOldProfileStaysCorrected() throws Exception {
        for (int round = 0; round < 4; round++) {
            TeamFixture team = newTeam("Correction race");
            ApiClient bea = new ApiClient(second, team.member("Bea", "bea-" + UUID.randomUUID() + "@sales.example").token());
            JsonObject profile = giuliaProfile();
            String giulia = team.admin().post("/api/v1/captures", profile).json().getJsonObject("contact").getString("id");
            // the same page again, as seen before the correction: it must not put "Head of Procurement" back
            JsonObject samePageAgain = profile.copy().put("idempotencyKey", UUID.randomUUID().toString());

            List<ApiClient.Response> answers = allAtOnce(2, i -> i == 0
                    ? team.admin().patch("/api/v1/contacts/" + giulia, new JsonObject().put("title", "Chief Procurement Officer"))
                    : bea.post("/api/v1/captures", samePageAgain));

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
            assertThat(bea.get("/api/v1/contacts/" + giulia).json().getString("title")).as("round " + round)
                    .isEqualTo("Chief Procurement Officer");
        }
    }

    @Test
    void aNameCorrectedByHandWhileAColleagueCapturesThatNameAtTheSameCompanyIsAskedAboutOnce() throws Exception {
        for (int round = 0; round < 4; round++) {
            TeamFixture team = newTeam("Rename race");
            ApiClient marco = marcoOnTheSecondServer(team);
            String fromEmail = giuliaFromHerThread(marco);
            team.admin().patch("/api/v1/contacts/" + fromEmail, new JsonObject().put("lastName", "Bianchi"));

            // her name put right at the moment a colleague captures her profile (no address on it): one of the two
            // must see the other and ask whether they are one person
            List<ApiClient.Response> answers = allAtOnce(2, i -> i == 0
                    ? team.admin().patch("/api/v1/contacts/" + fromEmail, new JsonObject().put("lastName", "Romano"))
                    : marco.post("/api/v1/captures", giuliaProfile()));

            assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
            assertThat(count("select count(*) from possible_duplicate where team_id = $1", team.teamId()))
                    .as("round " + round).isEqualTo(1);
        }
    }

    @Test
    void aCaptureSubmittedTwiceAtTheSameMomentIsStoredOnceAndBothAnswersNameTheSameCapture() throws Exception {
        TeamFixture team = newTeam("Double click");
        JsonObject capture = giuliaProfile();
        ApiClient viaSecond = new ApiClient(second, team.admin().token());

        List<ApiClient.Response> answers = allAtOnce(COLLEAGUES,
                i -> (i % 2 == 0 ? team.admin() : viaSecond).post("/api/v1/captures", capture));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.body()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        assertThat(answers.stream().map(a -> a.json().getString("captureId")).distinct()).hasSize(1);
        assertThat(count("select count(*) from capture where team_id = $1", team.teamId())).isEqualTo(1);
        assertThat(count("select count(*) from person where team_id = $1", team.teamId())).isEqualTo(1);
    }

    private static TeamFixture newTeam(String name) {
        return TestServer.newTeam(first, name + " " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static ApiClient marcoOnTheSecondServer(TeamFixture team) {
        return new ApiClient(second, team.member("Marco Rossi", "marco@seguito-sales.example").token());
    }

    private static JsonObject giuliaProfile() {
        return Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);
    }

    /** Marco captures the thread in which Giulia wrote; answers her contact's id. */
    private static String giuliaFromHerThread(ApiClient marco) {
        return marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"))
                .json().getJsonObject("contact").getString("id");
    }

    /** Giulia's reply of the thread fixture, as the {@code n}th message: its own Message-ID, so a new interaction. */
    private static JsonObject anotherMessageFromGiulia(int n) {
        JsonObject capture = Fixtures.eml("thread_with_giulia.eml");
        return capture.put("mime", capture.getString("mime").replace("<reply-1@", "<reply-" + n + "@"));
    }

    /** The admin captures Giulia's profile through the first server as Marco captures a thread through the second. */
    private static List<ApiClient.Response> profileAndThreadAtOnce(TeamFixture team, ApiClient marco, String eml)
            throws Exception {
        return allAtOnce(2, i -> i == 0
                ? team.admin().post("/api/v1/captures", giuliaProfile())
                : marco.post("/api/v1/captures", Fixtures.eml(eml)));
    }

    /** The team's admin and its members, alternately on the first and on the second server. */
    private static List<ApiClient> colleagues(TeamFixture team) {
        List<ApiClient> out = new ArrayList<>();
        out.add(team.admin());
        for (int i = 1; i < COLLEAGUES; i++) {
            ApiClient member = team.member("Colleague " + i, "colleague-" + i + "-" + UUID.randomUUID() + "@sales.example");
            out.add(i % 2 == 0 ? member : new ApiClient(second, member.token()));
        }
        return out;
    }

    /** Runs the calls on threads of their own, released together, and returns their answers in call order. */
    private static List<ApiClient.Response> allAtOnce(int calls, IntFunction<ApiClient.Response> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(calls);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<ApiClient.Response>> pending = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                Callable<ApiClient.Response> task = () -> {
                    gate.await();
                    return call.apply(n);
                };
                pending.add(threads.submit(task));
            }
            gate.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> f : pending) answers.add(f.get(90, TimeUnit.SECONDS));
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Rows of {@code table} (one with party_id and team_id) that belong to a record merged away or erased. */
    private static long rowsOnRecordsGone(String table, UUID teamId) {
        return count("select count(*) from " + table + " t join party p on p.id = t.party_id"
                + " where t.team_id = $1 and p.status <> 'ACTIVE'", teamId);
    }

    private static long count(String sql, UUID teamId) {
        Row row = first.pool().preparedQuery(sql).execute(Tuple.of(teamId)).await().iterator().next();
        return row.getLong(0);
    }
}
