package dev.seguito.sync.ofbiz;

import dev.seguito.SeguitoServer;
import dev.seguito.db.EmbeddedDatabase;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.EventStream;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.ServerProcess;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import dev.seguito.testing.UniqueCaptures;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against the OFBiz contract server (OFBiz itself cannot run here), with real Seguito servers on their
 * own PostgreSQL: CRM outages, several server processes, and a process dying mid-delivery.
 */
class CrmSyncTest {

    private Vertx crmVertx;
    private OfbizContractServer ofbiz;
    private EmbeddedDatabase db;
    private final List<SeguitoServer> servers = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        crmVertx = Vertx.vertx();
        ofbiz = new OfbizContractServer(crmVertx, OfbizRestMapping.load(OfbizReference.component()).serviceByPath());
        ofbiz.start().await();
        db = TestDatabase.dedicated();
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // a server a test already killed
            }
        });
        db.close();
        crmVertx.close().await();
    }

    private SeguitoServer seguito(long pollMillis) {
        SeguitoServer server = TestServer.on(db.location(), c -> c.withCrm("ofbiz", new JsonObject()
                        .put("url", ofbiz.baseUrl()).put("user", OfbizContractServer.USER)
                        .put("password", OfbizContractServer.PASSWORD).put("timeout_ms", "3000"))
                .withOutboxPollMillis(pollMillis));
        servers.add(server);
        return server;
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static JsonObject sync(ApiClient admin) {
        return admin.get("/api/v1/admin/sync").json();
    }

    @Test
    void theAdminInstallChecksTheCrmAndCreatesItsSeedDataOnce() {
        dev.seguito.config.SeguitoConfig config = TestServer.config(TestDatabase.tempDir("install"))
                .withDatabase(db.location().jdbcUrl(), db.location().user(), db.location().password())
                .withCrm("ofbiz", new JsonObject().put("url", ofbiz.baseUrl()).put("user", OfbizContractServer.USER)
                        .put("password", OfbizContractServer.PASSWORD));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        String[] args = {"install", "--team", "CRM team", "--admin-email", "ada@crm.test"};

        dev.seguito.plugin.AdminInstall.run(config, dev.seguito.plugin.AdminInstall.Options.parse(args), new java.io.PrintStream(out, true));
        dev.seguito.plugin.AdminInstall.run(config, dev.seguito.plugin.AdminInstall.Options.parse(args), new java.io.PrintStream(out, true));

        assertThat(out.toString()).contains("CRM connector \"ofbiz\": connection checked");
        assertThat(ofbiz.seed).contains("SEGUITO_LINKEDIN", "SEGUITO_EMAIL");
        assertThat(ofbiz.count("seguitoEnsureSeedData")).isEqualTo(2);
    }

    @Test
    void theAdminInstallStopsWithTheReasonWhenTheCrmIsDown() {
        ofbiz.down().await();
        dev.seguito.config.SeguitoConfig config = TestServer.config(TestDatabase.tempDir("install"))
                .withDatabase(db.location().jdbcUrl(), db.location().user(), db.location().password())
                .withCrm("ofbiz", new JsonObject().put("url", ofbiz.baseUrl()).put("user", OfbizContractServer.USER)
                        .put("password", OfbizContractServer.PASSWORD));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dev.seguito.plugin.AdminInstall.run(config,
                        dev.seguito.plugin.AdminInstall.Options.parse(new String[]{"install", "--team", "T", "--admin-email", "a@b.c"}),
                        new java.io.PrintStream(new java.io.ByteArrayOutputStream())))
                .hasMessageContaining("refused");
    }

    @Test
    void capturedContactsAndEmailsReachTheCrmExactlyOnce() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Synced");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/giulia-romano-42/"));
        marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));

        waitUntil("the outbox is empty", () -> sync(team.admin()).getLong("backlog") == 0);

        JsonObject status = sync(team.admin());
        assertThat(status.getString("connector")).isEqualTo("ofbiz");
        assertThat(status.getLong("dead")).isZero();
        assertThat(ofbiz.count("createPerson")).isEqualTo(2); // two records until someone confirms the duplicate
        assertThat(ofbiz.communicationEvents).hasSize(1);
        assertThat(ofbiz.partyByExternalId).hasSize(3); // two people and their employer
    }

    @Test
    void aBouncedAddressIsEndedInTheCrmAndNeverCreatedThereAgain() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Bounces");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));
        waitUntil("the thread reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        String address = "giulia.romano@fabbricanord.example";
        assertThat(currentEmails(address)).hasSize(1);

        marco.post("/api/v1/captures", Fixtures.eml("bounce_for_giulia.eml"));
        waitUntil("the bounce reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")); // the same thread again, later
        waitUntil("the outbox is empty", () -> sync(team.admin()).getLong("backlog") == 0);

        assertThat(currentEmails(address)).as("the address is ended in OFBiz").isEmpty();
        assertThat(ofbiz.contactMechs.stream().filter(cm -> address.equals(cm.getString("infoString")))).hasSize(1)
                .allMatch(cm -> cm.getValue("thruDate") != null, "kept as history, with its thruDate");
        assertThat(ofbiz.count("deletePartyContactMech")).isEqualTo(1);
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    @Test
    void anAddressRemovedByHandIsEndedInTheCrmNotBroughtBackByACaptureButPutBackByHand() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Corrections");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String contactId = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        waitUntil("the thread reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        String address = "giulia.romano@fabbricanord.example";
        assertThat(currentEmails(address)).hasSize(1);

        assertThat(marco.delete("/api/v1/contacts/" + contactId + "/addresses?email=" + address).status()).isEqualTo(200);
        waitUntil("the removal reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        assertThat(currentEmails(address)).as("the address is ended in OFBiz").isEmpty();
        marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")); // the same thread again, later
        waitUntil("the outbox is empty", () -> sync(team.admin()).getLong("backlog") == 0);

        String party = OfbizIds.contactParty(contactId);
        List<JsonObject> ofGiulia = ofbiz.contactMechs.stream().filter(cm -> party.equals(cm.getString("partyId"))
                && address.equals(cm.getString("infoString"))).toList();
        assertThat(ofGiulia).as("kept as history, with its thruDate, and never current again for this contact")
                .hasSize(1).allMatch(cm -> cm.getValue("thruDate") != null);

        // put back by hand (the removal was a mistake): the CRM gets it again, as a new current address
        assertThat(marco.post("/api/v1/contacts/" + contactId + "/addresses", new JsonObject().put("email", address))
                .status()).isEqualTo(200);
        waitUntil("the address is back in the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        assertThat(ofbiz.contactMechs.stream().filter(cm -> party.equals(cm.getString("partyId"))
                && address.equals(cm.getString("infoString")) && cm.getValue("thruDate") == null)).hasSize(1);
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    @Test
    void tagsIndustryAndSizeReachTheCrmAsAttributesOfEveryEmployeeAndAreRemovedWhenCleared() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Fit data");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        String company = marco.get("/api/v1/contacts/" + giulia).json().getString("company");
        String paolo = SeedContacts.person(server.pool(), team.teamId(), "Paolo Verdi", null, "paolo@fabbricanord.example").toString();
        assertThat(marco.patch("/api/v1/contacts/" + paolo, new JsonObject().put("company", company)).status()).isEqualTo(200);

        assertThat(marco.patch("/api/v1/contacts/" + giulia, new JsonObject().put("tags", new io.vertx.core.json.JsonArray().add("warm intro").add("Trade fair 2026"))
                .put("industry", "Industrial machinery").put("companySize", "51-200")).status()).isEqualTo(200);
        waitUntil("the tags and the company's facts reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);

        String giuliaParty = OfbizIds.contactParty(giulia);
        String paoloParty = OfbizIds.contactParty(paolo);
        assertThat(ofbiz.partyAttributes).containsEntry(giuliaParty + "/SEGUITO_TAGS", "Trade fair 2026, warm intro")
                .containsEntry(giuliaParty + "/SEGUITO_INDUSTRY", "Industrial machinery")
                .containsEntry(giuliaParty + "/SEGUITO_COMPANY_SIZE", "51-200")
                .containsEntry(paoloParty + "/SEGUITO_INDUSTRY", "Industrial machinery")
                .containsEntry(paoloParty + "/SEGUITO_COMPANY_SIZE", "51-200")
                .doesNotContainKey(paoloParty + "/SEGUITO_TAGS");

        assertThat(marco.patch("/api/v1/contacts/" + paolo, new JsonObject().put("tags", new io.vertx.core.json.JsonArray())
                .put("industry", "")).status()).isEqualTo(200);
        waitUntil("the cleared values reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);

        assertThat(ofbiz.partyAttributes).doesNotContainKey(giuliaParty + "/SEGUITO_INDUSTRY")
                .doesNotContainKey(paoloParty + "/SEGUITO_INDUSTRY")
                .containsEntry(giuliaParty + "/SEGUITO_TAGS", "Trade fair 2026, warm intro")
                .containsEntry(paoloParty + "/SEGUITO_COMPANY_SIZE", "51-200");
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    @Test
    void headlineLocationAndAboutReachTheCrmAndFollowCorrectionsByHand() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Attributes");
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject card = marco.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://www.linkedin.com/in/giulia-romano-42/")).json().getJsonObject("contact");
        String contactId = card.getString("id");
        card = marco.get("/api/v1/contacts/" + contactId).json();
        assertThat(card.getString("headline")).isNotBlank();
        assertThat(card.getString("location")).isNotBlank();
        assertThat(card.getString("about")).isNotBlank();
        String party = OfbizIds.contactParty(contactId);
        waitUntil("the profile reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);
        assertThat(ofbiz.partyAttributes).containsEntry(party + "/SEGUITO_HEADLINE", card.getString("headline"))
                .containsEntry(party + "/SEGUITO_LOCATION", card.getString("location"));
        assertThat(ofbiz.aboutNotes).containsEntry(party, card.getString("about"));

        assertThat(marco.patch("/api/v1/contacts/" + contactId,
                new JsonObject().put("headline", "").put("location", "Rome, Italy").put("about", "")).status())
                .isEqualTo(200);
        waitUntil("the correction reached the CRM", () -> sync(team.admin()).getLong("backlog") == 0);

        assertThat(ofbiz.partyAttributes).doesNotContainKey(party + "/SEGUITO_HEADLINE")
                .containsEntry(party + "/SEGUITO_LOCATION", "Rome, Italy");
        assertThat(ofbiz.aboutNotes).doesNotContainKey(party);
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    private java.util.List<JsonObject> currentEmails(String address) {
        return ofbiz.contactMechs.stream().filter(cm -> address.equals(cm.getString("infoString")) && cm.getValue("thruDate") == null)
                .toList();
    }

    @Test
    void aCrmThatIsDownForAWhileGetsTheBacklogAfterwardsWithNothingLostOrDoubled() throws Exception {
        SeguitoServer server = seguito(100);
        TeamFixture team = TestServer.newTeam(server, "Outage");
        ofbiz.down().await();

        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/giulia-romano-42/"));
        waitUntil("a failed attempt is visible", () -> sync(team.admin()).getLong("retrying") > 0);
        JsonObject during = sync(team.admin());
        assertThat(during.getLong("backlog")).isPositive();
        assertThat(during.getJsonArray("failures").getJsonObject(0).getString("reason")).isNotBlank();

        ofbiz.start().await();
        assertThat(team.admin().post("/api/v1/admin/sync/retry", null).status()).isEqualTo(200);
        waitUntil("the backlog drained", () -> sync(team.admin()).getLong("backlog") == 0);

        assertThat(ofbiz.count("createPerson")).isEqualTo(1);
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    @Test
    void twoServerProcessesShareTheOutboxWithoutDoubleDelivery() throws Exception {
        SeguitoServer a = seguito(50);
        SeguitoServer b = seguito(50);
        TeamFixture team = TestServer.newTeam(a, "Twins");
        ApiClient viaB = new ApiClient(b, team.admin().token());
        ofbiz.slow(20);

        for (int i = 0; i < 12; i++) {
            ApiClient client = i % 2 == 0 ? team.admin() : viaB;
            String slug = "person-" + i;
            String html = Fixtures.text("giulia_linkedin.html").replace("giulia-romano-42", slug)
                    .replace("Giulia Romano", "Person Number" + i);
            assertThat(client.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                    "https://www.linkedin.com/in/" + slug + "/").put("html", html)).status()).isEqualTo(201);
        }
        waitUntil("the backlog drained", () -> sync(team.admin()).getLong("backlog") == 0);

        assertThat(ofbiz.count("createPerson")).isEqualTo(12);
        assertThat(sync(team.admin()).getLong("dead")).isZero();
    }

    @Test
    void aServerThatDiesMidDeliveryLeavesTheWorkToAnotherWhichFinishesItOnceAtTheCrm() throws Exception {
        SeguitoServer dying = seguito(3_600_000);
        TeamFixture team = TestServer.newTeam(dying, "Phoenix");
        team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/giulia-romano-42/"));
        ofbiz.slow(1500);

        dying.services().outbox().drain();
        waitUntil("the CRM received the first call", () -> !ofbiz.calls.isEmpty());
        dying.vertx().close(); // the process is gone: its connections, and with them its row locks, drop
        servers.remove(dying);
        ofbiz.slow(0);

        SeguitoServer survivor = seguito(100);
        ApiClient admin = new ApiClient(survivor, team.admin().token());
        waitUntil("the backlog drained", () -> sync(admin).getLong("backlog") == 0);

        assertThat(ofbiz.count("createPerson")).isEqualTo(1);
        assertThat(ofbiz.partyByExternalId).hasSize(2);
    }

    @Test
    void aServerKilledWithSigkillMidDeliveryIsStartedAgainAndTheCrmGetsEveryContactOnce() throws Exception {
        SeguitoServer observer = seguito(3_600_000); // sets the team up and reads the outbox; delivers nothing
        TeamFixture team = TestServer.newTeam(observer, "Sigkill");
        int contacts = 6;
        for (int i = 0; i < contacts; i++) {
            team.admin().post("/api/v1/captures", UniqueCaptures.linkedin("sigkill", i, UUID.randomUUID().toString()));
        }
        ofbiz.slow(300);
        int port = ServerProcess.freePort();
        java.nio.file.Path home = TestDatabase.tempDir("seguito-crm-kill9");
        Map<String, String> crm = Map.of("SEGUITO_CRM", "ofbiz", "SEGUITO_OFBIZ_URL", ofbiz.baseUrl(),
                "SEGUITO_OFBIZ_USER", OfbizContractServer.USER, "SEGUITO_OFBIZ_PASSWORD", OfbizContractServer.PASSWORD,
                "SEGUITO_OUTBOX_POLL_MS", "100");
        Process child = ServerProcess.start(home, port, db.location(), 1, crm);
        try {
            waitUntil("the first contact reached the CRM", () -> ofbiz.count("createPerson") >= 1);
            long backlogAtTheKill = sync(team.admin()).getLong("backlog");
            child.destroyForcibly(); // SIGKILL, in the middle of a delivery: the CRM answers each call after 300 ms
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            ofbiz.slow(0);
            child = ServerProcess.start(home, port, db.location(), 2, crm);
            waitUntil("the backlog drained", () -> sync(team.admin()).getLong("backlog") == 0);

            assertThat(backlogAtTheKill).as("killed with deliveries still to do").isPositive();
            assertThat(ofbiz.count("createPerson")).as("each person created once").isEqualTo(contacts);
            assertThat(ofbiz.partyByExternalId).hasSize(contacts + 1); // and their one employer
            assertThat(ofbiz.captureSources).hasSize(contacts);
            assertThat(sync(team.admin()).getLong("dead")).isZero();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aChangeMadeThroughOneProcessReachesSidePanelsConnectedToAnother() throws Exception {
        SeguitoServer a = seguito(3_600_000);
        SeguitoServer b = seguito(3_600_000);
        TeamFixture team = TestServer.newTeam(a, "Live");
        try (EventStream stream = EventStream.open(b, team.admin().token())) {
            assertThat(stream.contentType()).startsWith("text/event-stream");

            String id = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                    "https://www.linkedin.com/in/giulia-romano-42/")).json().getJsonObject("contact").getString("id");

            String all = stream.awaitText("the event crossed processes", text -> text.contains(id));
            assertThat(all).contains("event: contact").contains("\"kind\":\"captured\"").contains("\"by\":\"Live Admin\"");
            assertThat(all).doesNotContain("teamId");
        }
    }
}
