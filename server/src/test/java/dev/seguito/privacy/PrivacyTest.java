package dev.seguito.privacy;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.EventStream;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.SeedContacts;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PrivacyTest {

    private static final String GIULIA_URL = "https://it.linkedin.com/in/giulia-romano-42";
    private static final String GIULIA_EMAIL = "giulia.romano@fabbricanord.example";

    @RunningServer
    private static SeguitoServer server;

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Privacy " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static long count(String sql, Object... params) {
        return server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().iterator().next().getLong(0);
    }

    private static List<Row> rows(String sql, Object... params) {
        List<Row> out = new ArrayList<>();
        server.pool().preparedQuery(sql).execute(Tuple.from(params)).await().forEach(out::add);
        return out;
    }

    @Test
    void deletingAContactErasesItEverywhereAndLeavesOnlyAnAuditEntryAndAnOutboxRow() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        JsonObject thread = Fixtures.eml("thread_with_giulia.eml");
        JsonObject fromEmail = marco.post("/api/v1/captures", thread).json();
        UUID giulia = UUID.fromString(fromEmail.getJsonObject("contact").getString("id"));
        JsonObject profile = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);
        JsonObject fromProfile = team.admin().post("/api/v1/captures", profile).json();
        UUID duplicate = UUID.fromString(fromProfile.getJsonObject("contact").getString("id"));
        assertThat(fromProfile.getString("status")).isEqualTo("possible_duplicate");
        assertThat(team.admin().post("/api/v1/contacts/" + giulia + "/duplicates/" + duplicate + "/confirm", null).status())
                .isEqualTo(200);
        assertThat(team.admin().post("/api/v1/contacts/" + giulia + "/interactions",
                new JsonObject().put("type", "call").put("note", "Talked about Q1 volumes")).status()).isEqualTo(201);
        // someone else shares her address and her email thread: both must survive her deletion
        UUID colleague = SeedContacts.person(server.pool(), team.teamId(), "Paolo Verdi", null, "paolo@fabbricanord.example");
        server.pool().preparedQuery("""
                        insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose)
                        select team_id, $2, id, 'OTHER_EMAIL' from contact_mech where team_id = $1 and info_string = $3""")
                .execute(Tuple.of(team.teamId(), colleague, "+390212345678")).await();
        UUID threadEvent = rows("""
                select e.id from communication_event e join communication_event_party ep on ep.event_id = e.id
                 where ep.party_id = $1 and e.capture_id is not null""", giulia).get(0).getUUID(0);
        server.pool().preparedQuery("insert into communication_event_party (event_id, party_id, team_id, role) values ($1, $2, $3, 'CC')")
                .execute(Tuple.of(threadEvent, colleague, team.teamId())).await();
        assertThat(team.admin().patch("/api/v1/contacts/" + giulia,
                new JsonObject().put("tags", new JsonArray().add("Trade fair 2026"))).status()).isEqualTo(200);
        UUID[] both = {giulia, duplicate};
        assertThat(count("select count(*) from field_provenance where party_id = any($1)", (Object) both)).isPositive();
        assertThat(count("select count(*) from party_tag where party_id = any($1)", (Object) both)).isOne();

        ApiClient.Response deleted = team.admin().delete("/api/v1/contacts/" + giulia);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(count("select count(*) from person where party_id = any($1)", (Object) both)).isZero();
        assertThat(count("select count(*) from party where id = any($1) and status = 'DELETED'", (Object) both)).isEqualTo(2);
        assertThat(count("select count(*) from party_contact_mech where party_id = any($1)", (Object) both)).isZero();
        assertThat(count("select count(*) from contact_mech where team_id = $1 and info_string = $2", team.teamId(), GIULIA_EMAIL)).isZero();
        assertThat(count("select count(*) from contact_mech where team_id = $1 and info_string = '+390212345678'", team.teamId()))
                .as("an address another contact still uses is kept").isEqualTo(1);
        assertThat(count("select count(*) from communication_event_party where party_id = any($1)", (Object) both)).isZero();
        assertThat(count("select count(*) from communication_event where id = $1", threadEvent))
                .as("an event that involves another contact is kept").isEqualTo(1);
        assertThat(count("select count(*) from communication_event where team_id = $1 and event_type = 'CALL'", team.teamId()))
                .as("her own call is gone").isZero();
        for (String table : List.of("field_provenance", "party_tag", "next_touch", "touch_mark", "job_change")) {
            assertThat(count("select count(*) from " + table + " where party_id = any($1)", (Object) both)).as(table).isZero();
        }
        assertThat(count("select count(*) from possible_duplicate where party_id_a = any($1) or party_id_b = any($1)", (Object) both)).isZero();
        assertThat(count("select count(*) from party_relationship where party_id_to = any($1)", (Object) both)).isZero();
        List<Row> captures = rows("select raw, response, page_url, parse_status, primary_party_id from capture where team_id = $1", team.teamId());
        assertThat(captures).hasSize(2).allSatisfy(c -> {
            assertThat(c.getString("raw")).isNull();
            assertThat(c.getValue("response")).isNull();
            assertThat(c.getString("page_url")).isNull();
            assertThat(c.getString("parse_status")).isEqualTo("erased");
        });
        List<Row> audit = rows("select detail::text from audit_log where team_id = $1 and action = 'contact.deleted'", team.teamId());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString(0)).contains(giulia.toString()).doesNotContainIgnoringCase("giulia romano")
                .doesNotContain(GIULIA_EMAIL).doesNotContain("fabbrica");
        assertThat(count("select count(*) from outbox where aggregate_id = $1 and kind = 'CONTACT_DELETE'", giulia)).isEqualTo(1);

        ApiClient a = team.admin();
        assertThat(a.get("/api/v1/contacts/" + giulia).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/contacts/" + duplicate).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/contacts/lookup?email=" + GIULIA_EMAIL).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL).status()).isEqualTo(404);
        assertThat(a.get("/api/v1/contacts?q=romano").items()).isEmpty();
        assertThat(a.get("/api/v1/contacts?q=").json().getLong("total")).as(a.get("/api/v1/contacts?q=").body()).isEqualTo(1); // Paolo only
        assertThat(a.get("/api/v1/contacts/" + giulia + "/export").status()).isEqualTo(404);
        assertThat(a.delete("/api/v1/contacts/" + giulia).status()).isEqualTo(404);
        // the extension retrying an old capture must not bring her back
        ApiClient.Response retried = marco.post("/api/v1/captures", thread);
        assertThat(retried.status()).as(retried.body()).isEqualTo(410);
        assertThat(retried.json().getString("error")).isEqualTo("gone");
        assertThat(a.get("/api/v1/contacts?q=romano").items()).isEmpty();
        // capturing her again later, as new, is a new contact
        JsonObject again = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);
        assertThat(a.post("/api/v1/captures", again).json().getString("status")).isEqualTo("new");
    }

    @Test
    void aTeamThatKeepsErasureForAdminsRefusesAMembersDeleteAndKeepsTheContact() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        String giulia = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json()
                .getJsonObject("contact").getString("id");
        assertThat(marco.get("/api/v1/team/settings").json())
                .isEqualTo(new JsonObject().put("contactErasure", "members").put("mayEraseContacts", true));

        ApiClient.Response byMember = patch(marco, new JsonObject().put("contactErasure", "admins"));
        assertThat(byMember.status()).isEqualTo(403);
        ApiClient.Response changed = patch(team.admin(), new JsonObject().put("contactErasure", "admins"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().getBoolean("mayEraseContacts")).isTrue();
        assertThat(marco.get("/api/v1/team/settings").json())
                .isEqualTo(new JsonObject().put("contactErasure", "admins").put("mayEraseContacts", false));

        ApiClient.Response refused = marco.delete("/api/v1/contacts/" + giulia);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("message")).contains("only admins delete contacts");
        assertThat(marco.get("/api/v1/contacts/" + giulia).status()).isEqualTo(200);
        assertThat(count("select count(*) from audit_log where team_id = $1 and action = 'contact.deleted'", team.teamId())).isZero();

        assertThat(team.admin().delete("/api/v1/contacts/" + giulia).status()).isEqualTo(204);
        assertThat(count("select count(*) from audit_log where team_id = $1 and action = 'contact.deleted'", team.teamId())).isOne();
        Row audit = rows("select detail from audit_log where team_id = $1 and action = 'team.settings.changed'", team.teamId()).get(0);
        assertThat(audit.getJsonObject("detail"))
                .isEqualTo(new JsonObject().put("contactErasure", "admins").put("before", "members"));
    }

    @Test
    void openSidePanelsHearThatTheTeamSettingsChanged() {
        TeamFixture team = team();
        ApiClient marco = team.member("Marco Rossi", "marco@seguito-sales.example");
        try (EventStream stream = EventStream.open(server, marco.token())) {

            patch(team.admin(), new JsonObject().put("contactErasure", "admins"));

            String text = stream.awaitText("the change is streamed", t -> t.contains("\"settings\""));
            assertThat(text).contains("event: team\ndata: {\"kind\":\"settings\",\"by\":\"" + team.adminMember().name() + "\"}");
        }
    }

    @Test
    void teamSettingsRefuseAnUnknownErasureRuleAndKeepTheOldOne() {
        TeamFixture team = team();
        for (Object wrong : new Object[]{"everyone", 1, "ADMINS"}) {
            ApiClient.Response refused = patch(team.admin(), new JsonObject().put("contactErasure", wrong));
            assertThat(refused.status()).as(String.valueOf(wrong)).isEqualTo(400);
            assertThat(refused.json().getString("message")).contains("\"members\" or \"admins\"");
        }
        assertThat(team.admin().get("/api/v1/team/settings").json().getString("contactErasure")).isEqualTo("members");
        assertThat(patch(team.admin(), new JsonObject()).json().getString("contactErasure")).isEqualTo("members");
    }

    private static ApiClient.Response patch(ApiClient client, JsonObject body) {
        return client.patch("/api/v1/team/settings", body);
    }

    @Test
    void exportGivesTheCardTimelineAndProvenanceAsJsonAndAnEscapedVcard() {
        TeamFixture team = team();
        JsonObject captured = team.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)).json();
        String id = captured.getJsonObject("contact").getString("id");
        for (int i = 0; i < 7; i++) {
            team.admin().post("/api/v1/contacts/" + id + "/interactions", new JsonObject().put("type", "note")
                    .put("note", "note " + i).put("occurredAt", "2026-11-0" + (i + 1) + "T10:00:00Z"));
        }

        team.admin().patch("/api/v1/contacts/" + id, new JsonObject()
                .put("tags", new JsonArray().add("Trade fair 2026").add("steel, mostly")).put("industry", "Steel"));

        RawHttp http = new RawHttp(server.port(), team.admin().token());
        RawHttp.Answer json = http.get("/api/v1/contacts/" + id + "/export?format=json");
        RawHttp.Answer vcard = http.get("/api/v1/contacts/" + id + "/export?format=vcard");

        assertThat(json.status()).as(json.body()).isEqualTo(200);
        JsonObject export = json.json();
        assertThat(export.getJsonObject("contact").getString("displayName")).isEqualTo("Giulia Romano");
        assertThat(export.getJsonObject("contact").getJsonArray("tags")).containsExactly("steel, mostly", "Trade fair 2026");
        assertThat(export.getJsonObject("contact").getString("industry")).isEqualTo("Steel");
        assertThat(export.getJsonArray("timeline")).hasSize(7);
        JsonArray provenance = export.getJsonArray("provenance");
        assertThat(provenance.stream().map(o -> ((JsonObject) o).getString("field"))).contains("fullName", "company");
        assertThat(provenance.getJsonObject(0).getString("source")).isEqualTo("linkedin_profile");
        assertThat(export.getJsonArray("employment").getJsonObject(0).getString("company")).isEqualTo("Fabbrica Nord");

        assertThat(vcard.status()).as(vcard.body()).isEqualTo(200);
        assertThat(vcard.header("Content-Type")).startsWith("text/vcard");
        String text = vcard.body();
        assertThat(text).startsWith("BEGIN:VCARD\r\nVERSION:4.0\r\n").contains("FN:Giulia Romano\r\n")
                .contains("N:Romano;Giulia;;;\r\n").contains("ORG:Fabbrica Nord\r\n").contains("TITLE:Head of Procurement\r\n")
                .contains("URL:https://www.linkedin.com/in/giulia-romano-42/\r\n")
                .contains("UID:urn:uuid:" + id)
                .contains("Buying better\\, buying less.") // RFC 6350 §3.4: a comma in a text value is escaped
                .contains("CATEGORIES:steel\\, mostly,Trade fair 2026\r\n") // a list: commas between, escaped within
                .endsWith("END:VCARD\r\n");
        VCard parsed = Ezvcard.parse(text).first();
        assertThat(parsed.getFormattedName().getValue()).isEqualTo("Giulia Romano");
        assertThat(parsed.getNotes().get(0).getValue()).contains("Buying better, buying less.");
        assertThat(parsed.getCategories().getValues()).containsExactly("steel, mostly", "Trade fair 2026");

        assertThat(http.get("/api/v1/contacts/" + id + "/export?format=pdf").status()).isEqualTo(400);
    }

    @Test
    void vcardEscapesSeparatorsBackslashesAndNewlinesAndFoldsLongLines() {
        JsonObject card = new JsonObject().put("id", UUID.randomUUID().toString())
                .put("displayName", "Anna; \"Nan\" O'Neil, Jr.").put("firstName", "Anna;X").put("lastName", "O'Neil, Jr.")
                .put("company", "A;B\\C").put("title", "Boss, of\nthings").put("about", "x".repeat(300))
                .put("emails", new JsonArray().add(new JsonObject().put("address", "a@b.example")))
                .put("phones", new JsonArray().add("+390212345678"));

        String text = ContactExport.vcard(card);

        assertThat(text).contains("FN:Anna\\; \"Nan\" O'Neil\\, Jr.\r\n").contains("N:O'Neil\\, Jr.;Anna\\;X;;;\r\n")
                .contains("ORG:A\\;B\\\\C\r\n").contains("TITLE:Boss\\, of\\nthings\r\n")
                .contains("EMAIL:a@b.example\r\n").contains("TEL:+390212345678\r\n");
        assertThat(text.split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        VCard parsed = Ezvcard.parse(text).first();
        assertThat(parsed.getFormattedName().getValue()).isEqualTo("Anna; \"Nan\" O'Neil, Jr.");
        assertThat(parsed.getNotes().get(0).getValue()).isEqualTo("x".repeat(300));
    }

    @Test
    void retentionDropsOnlyRawPagesOlderThanThePeriodAndSeveralRunnersShareTheWork() {
        TeamFixture team = team();
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            JsonObject body = dev.seguito.testing.UniqueCaptures.linkedin("retention" + UUID.randomUUID().toString().substring(0, 4), i,
                    UUID.randomUUID().toString());
            old.add(UUID.fromString(team.admin().post("/api/v1/captures", body).json().getString("captureId")));
        }
        UUID recent = UUID.fromString(team.admin().post("/api/v1/captures",
                Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)).json().getString("captureId"));
        server.pool().preparedQuery("update capture set received_at = now() - interval '31 days' where id = any($1)")
                .execute(Tuple.of((Object) old.toArray(UUID[]::new))).await();

        var first = RawCaptureRetention.of(server.vertx(), server.pool(), Duration.ofDays(30));
        var second = RawCaptureRetention.of(server.vertx(), server.pool(), Duration.ofDays(30));
        List<Integer> purged = Future.all(first.runOnce(), second.runOnce()).await().list();

        assertThat(purged.stream().mapToInt(Integer::intValue).sum()).isGreaterThanOrEqualTo(6);
        assertThat(count("select count(*) from capture where id = any($1) and raw is null and purged_at is not null",
                (Object) old.toArray(UUID[]::new))).isEqualTo(6);
        assertThat(count("select count(*) from capture where id = $1 and raw is not null and purged_at is null", recent)).isEqualTo(1);
        assertThat(first.runOnce().await()).as("nothing left to purge of ours").isGreaterThanOrEqualTo(0);
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).as("contacts stay").isEqualTo(7);
    }

    @Test
    void aRetentionOfZeroDaysPurgesEverythingReceivedBeforeNow() {
        TeamFixture team = team();
        UUID id = UUID.fromString(team.admin().post("/api/v1/captures",
                Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)).json().getString("captureId"));
        // a clock fixed just after this capture keeps the shared database's newer rows out of the test's reach
        java.time.OffsetDateTime receivedAt = rows("select received_at from capture where id = $1", id).get(0).getOffsetDateTime(0);
        var zero = RawCaptureRetention.of(server.vertx(), server.pool(), Duration.ZERO,
                () -> receivedAt.plusNanos(1000));

        assertThat(zero.runOnce().await()).isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from capture where id = $1 and raw is null", id)).isEqualTo(1);
    }
}
