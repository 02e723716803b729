package dev.seguito.security;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.ApiRoutes;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Team B calls every {@code /api/v1} route with team A's ids. The routes are read from the live router, so a route
 * added without a case here fails this test: every new route must say how it keeps teams apart.
 */
class EveryRouteTeamIsolationTest {

    private static final String GIULIA_URL = "https://it.linkedin.com/in/giulia-romano-42";

    private static final String COMPANY_URL = "https://www.linkedin.com/company/fabbrica-nord/";

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture teamA;
    private static TeamFixture teamB;
    private static ApiClient bMember;
    private static String giuliaA;
    private static String duplicateA;
    private static String contactB;
    private static Set<String> idsOfA;
    private static String captureOfA;
    private static String importOfA;
    private static long outboxRowOfA;
    private static String entryKeyOfA;

    @BeforeAll
    static void start() {
        teamA = TestServer.newTeam(server, "Isolation A " + UUID.randomUUID().toString().substring(0, 6));
        teamB = TestServer.newTeam(server, "Isolation B " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient marco = teamA.member("Marco Rossi", "marco@seguito-sales.example");
        giuliaA = marco.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json().getJsonObject("contact").getString("id");
        JsonObject profile = teamA.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL)).json();
        assertThat(profile.getString("status")).isEqualTo("possible_duplicate");
        duplicateA = profile.getJsonObject("contact").getString("id");
        teamA.admin().post("/api/v1/contacts/" + giuliaA + "/interactions", new JsonObject().put("type", "meeting"));
        contactB = teamB.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getJsonObject("contact").getString("id");
        bMember = teamB.member("Bea", "bea@rival.example");
        captureOfA = teamA.admin().post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL))
                .json().getString("captureId");
        importOfA = teamA.admin().post("/api/v1/imports", new JsonObject().put("format", "linkedin_csv")
                .put("content", "First Name,Last Name,URL\nAda,Lovelace,https://www.linkedin.com/in/ada-iso-" + UUID.randomUUID() + "/\n")
                .put("idempotencyKey", UUID.randomUUID().toString())).json().getString("id");
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> { // the import runs in the background: let it finish
            while (teamA.admin().get("/api/v1/contacts?q=lovelace").json().getLong("total") == 0) {
                Thread.sleep(100);
            }
        });
        JsonObject companyOfA = teamA.admin().post("/api/v1/captures", new JsonObject().put("source", "linkedin_company")
                .put("pageUrl", COMPANY_URL).put("html", Fixtures.fabbricaNordCompanyPage())
                .put("idempotencyKey", UUID.randomUUID().toString())).json();
        assertThat(companyOfA.getString("status")).as(companyOfA.encode()).isEqualTo("company");
        entryKeyOfA = "entry-" + UUID.randomUUID();
        assertThat(teamA.admin().post("/api/v1/contacts", new JsonObject().put("fullName", "Ada Entered")
                .put("idempotencyKey", entryKeyOfA)).status()).isEqualTo(201);
        outboxRowOfA = server.pool().preparedQuery("select max(id) from outbox where team_id = $1")
                .execute(io.vertx.sqlclient.Tuple.of(teamA.teamId())).await().iterator().next().getLong(0);
        idsOfA = Set.of(giuliaA, duplicateA, teamA.teamId().toString(), teamA.adminMember().id().toString());
    }

    /** What team A can see of itself; must be identical before and after team B's calls. */
    private static List<String> snapshotOfA() {
        ApiClient a = teamA.admin();
        List<String> snapshot = new ArrayList<>();
        for (String id : List.of(giuliaA, duplicateA)) {
            snapshot.add(a.get("/api/v1/contacts/" + id).body());
            snapshot.add(a.get("/api/v1/contacts/" + id + "/timeline").body());
        }
        snapshot.add(a.get("/api/v1/contacts?q=").body());
        snapshot.add(a.get("/api/v1/team/policy").body());
        snapshot.add(a.get("/api/v1/team/members").items().stream().map(m -> ((JsonObject) m).copy())
                .peek(m -> m.remove("lastSeen")).map(JsonObject::encode).sorted().collect(Collectors.joining(",")));
        JsonArray tokens = a.get("/api/v1/team/tokens").items();
        snapshot.add(tokens.stream().map(t -> ((JsonObject) t).copy()).peek(t -> t.remove("lastUsedAt"))
                .map(JsonObject::encode).sorted().collect(Collectors.joining(",")));
        return snapshot;
    }

    private static void notFound(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(404);
        assertThat(r.json().getString("error")).isEqualTo("not_found");
        idsOfA.forEach(id -> assertThat(r.body()).doesNotContain(id));
    }

    private static void forbidden(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(403);
        assertThat(r.json().getString("error")).isEqualTo("forbidden");
    }

    private static void noDataOfA(ApiClient.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 299);
        idsOfA.forEach(id -> assertThat(r.body()).doesNotContain(id));
    }

    private static ApiClient.Response send(ApiClient client, HttpMethod method, String path, JsonObject body) {
        return client.send(method, path, body == null ? null : body.toBuffer());
    }

    private Map<String, Runnable> cases() {
        ApiClient b = teamB.admin();
        String memberOfA = teamA.adminMember().id().toString();
        String tokenOfA = teamA.admin().get("/api/v1/me").json().getString("tokenId");
        Map<String, Runnable> cases = new LinkedHashMap<>();
        cases.put("POST /pair", () -> assertThat(ApiClient.anonymous(server).post("/api/v1/pair",
                new JsonObject().put("code", "NOPE-NOPE")).status()).isBetween(400, 499));
        cases.put("POST /contacts", () -> {
            // Giulia's profile, known to both teams, and a key team A used: team B's own Giulia, and a key of its own
            // (no e-mail: team B not knowing team A's address of Giulia is what the look-up case checks)
            ApiClient.Response r = b.post("/api/v1/contacts", new JsonObject().put("fullName", "Giulia Romano")
                    .put("linkedinUrl", GIULIA_URL).put("idempotencyKey", entryKeyOfA));
            noDataOfA(r);
            assertThat(r.json().getBoolean("replayed")).isFalse();
            assertThat(r.json().getJsonObject("contact").getString("id")).isEqualTo(contactB);
            assertThat(r.body()).doesNotContain("Ada Entered");
        });
        cases.put("POST /captures", () -> {
            ApiClient.Response r = b.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL));
            noDataOfA(r);
            assertThat(r.json().getJsonObject("contact").getString("id")).isEqualTo(contactB);
        });
        cases.put("PATCH /contacts/:contactId", () ->
                notFound(send(b, HttpMethod.PATCH, "/api/v1/contacts/" + giuliaA, new JsonObject().put("relationshipType", "client"))));
        cases.put("POST /contacts/:contactId/addresses", () -> {
            notFound(b.post("/api/v1/contacts/" + giuliaA + "/addresses", new JsonObject().put("email", "b-" + UUID.randomUUID() + "@rival.example")));
            // the phone of team A's Giulia is no conflict for team B's own contact: teams never see each other's addresses
            ApiClient.Response own = b.post("/api/v1/contacts/" + contactB + "/addresses",
                    new JsonObject().put("phone", "+390212345678"));
            noDataOfA(own);
            assertThat(own.json().getJsonArray("phones")).contains("+390212345678");
        });
        cases.put("DELETE /contacts/:contactId/addresses", () -> {
            notFound(b.delete("/api/v1/contacts/" + giuliaA + "/addresses?email=giulia.romano@fabbricanord.example"));
            notFound(bMember.delete("/api/v1/contacts/" + giuliaA + "/addresses?phone=%2B390212345678"));
        });
        for (String kind : List.of("confirm", "reject")) {
            cases.put("POST /contacts/:contactId/duplicates/:otherId/" + kind, () -> {
                notFound(b.post("/api/v1/contacts/" + giuliaA + "/duplicates/" + duplicateA + "/" + kind, null));
                notFound(b.post("/api/v1/contacts/" + contactB + "/duplicates/" + giuliaA + "/" + kind, null));
                notFound(b.post("/api/v1/contacts/" + giuliaA + "/duplicates/" + contactB + "/" + kind, null));
            });
        }
        cases.put("GET /contacts/lookup", () -> {
            notFound(b.get("/api/v1/contacts/lookup?email=giulia.romano@fabbricanord.example"));
            ApiClient.Response bySlug = b.get("/api/v1/contacts/lookup?linkedinUrl=" + GIULIA_URL);
            noDataOfA(bySlug);
            assertThat(bySlug.json().getString("id")).isEqualTo(contactB);
        });
        cases.put("GET /companies/lookup", () -> notFound(b.get("/api/v1/companies/lookup?linkedinUrl=" + COMPANY_URL)));
        cases.put("GET /contacts", () -> {
            noDataOfA(b.get("/api/v1/contacts?q="));
            noDataOfA(b.get("/api/v1/contacts?q=romano"));
        });
        cases.put("GET /contacts/:contactId", () -> notFound(b.get("/api/v1/contacts/" + giuliaA)));
        cases.put("GET /contacts/:contactId/next-touch/explain", () -> notFound(b.get("/api/v1/contacts/" + giuliaA + "/next-touch/explain")));
        cases.put("GET /contacts/:contactId/timeline", () -> notFound(b.get("/api/v1/contacts/" + giuliaA + "/timeline")));
        cases.put("POST /contacts/:contactId/interactions", () -> notFound(b.post("/api/v1/contacts/" + giuliaA + "/interactions",
                new JsonObject().put("type", "call"))));
        cases.put("POST /contacts/:contactId/next-touch/done", () -> notFound(b.post("/api/v1/contacts/" + giuliaA + "/next-touch/done", null)));
        cases.put("POST /contacts/:contactId/next-touch/snooze", () -> notFound(b.post("/api/v1/contacts/" + giuliaA + "/next-touch/snooze",
                new JsonObject().put("until", "2027-01-01"))));
        cases.put("POST /contacts/:contactId/next-touch/dismiss", () -> notFound(b.post("/api/v1/contacts/" + giuliaA + "/next-touch/dismiss", null)));
        cases.put("DELETE /contacts/:contactId", () -> {
            notFound(b.delete("/api/v1/contacts/" + giuliaA));
            notFound(bMember.delete("/api/v1/contacts/" + duplicateA));
        });
        cases.put("GET /contacts/:contactId/export", () -> {
            notFound(b.get("/api/v1/contacts/" + giuliaA + "/export?format=json"));
            notFound(b.get("/api/v1/contacts/" + giuliaA + "/export?format=vcard"));
        });
        cases.put("GET /agenda", () -> noDataOfA(b.get("/api/v1/agenda?range=week")));
        cases.put("GET /team/policy", () -> noDataOfA(b.get("/api/v1/team/policy")));
        cases.put("PUT /team/policy", () -> {
            JsonObject policy = b.get("/api/v1/team/policy").json();
            forbidden(send(bMember, HttpMethod.PUT, "/api/v1/team/policy", policy));
            noDataOfA(send(b, HttpMethod.PUT, "/api/v1/team/policy", policy.copy().put("frequencyCapDays", 3)));
        });
        cases.put("GET /me", () -> {
            noDataOfA(b.get("/api/v1/me"));
            assertThat(b.get("/api/v1/me").json().getJsonObject("team").getString("id")).isEqualTo(teamB.teamId().toString());
        });
        cases.put("POST /me/logout", () -> {
            ApiClient throwaway = teamB.member("Temp", "temp-" + UUID.randomUUID() + "@rival.example");
            noDataOfA(throwaway.post("/api/v1/me/logout", null));
            assertThat(throwaway.get("/api/v1/me").status()).isEqualTo(401);
        });
        cases.put("GET /team/members", () -> {
            noDataOfA(b.get("/api/v1/team/members"));
            forbidden(bMember.get("/api/v1/team/members"));
        });
        cases.put("POST /team/members", () -> {
            forbidden(bMember.post("/api/v1/team/members", new JsonObject().put("name", "X").put("email", "x@rival.example")));
            noDataOfA(b.post("/api/v1/team/members", new JsonObject().put("name", "Y").put("email", "y-" + UUID.randomUUID() + "@rival.example")));
        });
        cases.put("POST /team/members/:memberId/pairing-code", () -> {
            notFound(b.post("/api/v1/team/members/" + memberOfA + "/pairing-code", null));
            forbidden(bMember.post("/api/v1/team/members/" + memberOfA + "/pairing-code", null));
        });
        cases.put("GET /team/tokens", () -> {
            ApiClient.Response tokens = b.get("/api/v1/team/tokens");
            noDataOfA(tokens);
            assertThat(tokens.body()).doesNotContain(tokenOfA);
            forbidden(bMember.get("/api/v1/team/tokens"));
        });
        cases.put("DELETE /team/tokens/:tokenId", () -> {
            notFound(b.delete("/api/v1/team/tokens/" + tokenOfA));
            ApiClient.Response asMember = bMember.delete("/api/v1/team/tokens/" + tokenOfA);
            assertThat(asMember.status()).as(asMember.body()).isIn(403, 404);
            assertThat(teamA.admin().get("/api/v1/me").status()).isEqualTo(200);
        });
        cases.put("GET /team/audit", () -> {
            forbidden(bMember.get("/api/v1/team/audit"));
            ApiClient.Response log = b.get("/api/v1/team/audit?limit=200");
            noDataOfA(log);
            assertThat(log.body()).doesNotContain(memberOfA);
        });
        cases.put("GET /team/settings", () -> {
            ApiClient.Response settings = bMember.get("/api/v1/team/settings");
            assertThat(settings.status()).as(settings.body()).isEqualTo(200);
            noDataOfA(settings);
        });
        cases.put("PATCH /team/settings", () -> {
            forbidden(send(bMember, HttpMethod.PATCH, "/api/v1/team/settings", new JsonObject().put("contactErasure", "admins")));
            assertThat(send(b, HttpMethod.PATCH, "/api/v1/team/settings", new JsonObject().put("contactErasure", "admins")).status())
                    .isEqualTo(200);
            assertThat(teamA.admin().get("/api/v1/team/settings").json().getString("contactErasure")).isEqualTo("members");
            send(b, HttpMethod.PATCH, "/api/v1/team/settings", new JsonObject().put("contactErasure", "members"));
        });
        cases.put("GET /events", this::eventStreamCarriesNoEventOfTeamA);
        cases.put("POST /captures/:captureId/reparse", () -> {
            notFound(b.post("/api/v1/captures/" + captureOfA + "/reparse", null));
            ApiClient.Response asMember = bMember.post("/api/v1/captures/" + captureOfA + "/reparse", null);
            assertThat(asMember.status()).as(asMember.body()).isIn(403, 404);
        });
        cases.put("POST /admin/reparse", () -> {
            JsonObject since = new JsonObject().put("since", "2026-01-01");
            forbidden(bMember.post("/api/v1/admin/reparse", since));
            ApiClient.Response r = b.post("/api/v1/admin/reparse", since);
            assertThat(r.status()).as(r.body()).isLessThan(500);
            idsOfA.forEach(id -> assertThat(r.body()).doesNotContain(id));
        });
        cases.put("POST /imports", () -> {
            ApiClient.Response r = b.post("/api/v1/imports", new JsonObject().put("format", "vcard").put("content", "")
                    .put("idempotencyKey", UUID.randomUUID().toString()));
            assertThat(r.status()).as(r.body()).isLessThan(500);
            idsOfA.forEach(id -> assertThat(r.body()).doesNotContain(id));
        });
        cases.put("GET /imports/:importId", () -> notFound(b.get("/api/v1/imports/" + importOfA)));
        cases.put("GET /admin/sync", () -> {
            forbidden(bMember.get("/api/v1/admin/sync"));
            noDataOfA(b.get("/api/v1/admin/sync"));
        });
        cases.put("POST /admin/sync/retry", () -> {
            forbidden(bMember.post("/api/v1/admin/sync/retry", null));
            noDataOfA(b.post("/api/v1/admin/sync/retry", null));
        });
        cases.put("POST /admin/sync/retry/:rowId", () -> {
            forbidden(bMember.post("/api/v1/admin/sync/retry/" + outboxRowOfA, null));
            notFound(b.post("/api/v1/admin/sync/retry/" + outboxRowOfA, null));
        });
        return cases;
    }

    /** B listens; A changes its contact, then B its own: B hears its own change and nothing of A before it. */
    private void eventStreamCarriesNoEventOfTeamA() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + teamB.admin().token()).build(), HttpResponse.BodyHandlers.ofLines());
            try (Stream<String> lines = stream.body()) {
                assertThat(stream.statusCode()).isEqualTo(200);
                Iterator<String> it = lines.iterator();
                assertThat(it.next()).startsWith(": connected");
                assertThat(teamA.admin().post("/api/v1/contacts/" + giuliaA + "/interactions",
                        new JsonObject().put("type", "note")).status()).isEqualTo(201);
                assertThat(teamB.admin().post("/api/v1/contacts/" + contactB + "/interactions",
                        new JsonObject().put("type", "note")).status()).isEqualTo(201);
                List<String> seen = new ArrayList<>();
                while (true) {
                    String line = it.next();
                    seen.add(line);
                    idsOfA.forEach(id -> assertThat(line).doesNotContain(id));
                    if (line.startsWith("data:") && line.contains(contactB)) {
                        break;
                    }
                }
            }
        });
    }

    @Test
    void everyApiRouteKeepsTeamAsDataFromTeamB() {
        Set<String> routes = ApiRoutes.of(server);
        Map<String, Runnable> cases = cases();
        assertThat(cases.keySet()).as("routes of the API router without an isolation case here (add one)")
                .containsAll(routes);
        assertThat(routes).as("cases for routes that no longer exist").containsAll(cases.keySet());
        List<String> before = snapshotOfA();

        cases.forEach((route, check) -> {
            try {
                check.run();
            } catch (AssertionError e) {
                throw new AssertionError(route + ": " + e.getMessage(), e);
            }
        });

        // the only change team B's calls may leave in A is the note A itself logged in the event-stream case
        List<String> after = snapshotOfA();
        assertThat(after.subList(2, after.size())).isEqualTo(before.subList(2, before.size()));
        assertThat(new JsonObject(after.get(0)).getString("displayName")).isEqualTo(new JsonObject(before.get(0)).getString("displayName"));
        assertThat(new JsonArray(new JsonObject(after.get(1)).getJsonArray("items").stream()
                .filter(i -> !"note".equals(((JsonObject) i).getString("type"))).toList()))
                .isEqualTo(new JsonObject(before.get(1)).getJsonArray("items"));
    }
}
