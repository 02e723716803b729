package dev.seguito.api;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.ApiRoutes;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.FuzzSeed;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api/v1} route (read from the live router, so a new route is fuzzed too) under random and hostile
 * path ids, query strings and bodies: wrong types, out-of-range numbers, huge and invalid text, broken and deeply
 * nested JSON. Never a 500, never a hang (the client gives up after 60 s), every refusal is JSON that says why, and
 * the server still serves its team afterwards. A third of the random calls come from a member rather than the
 * admin, so the refusals of admin-only routes and of a member's limits are fuzzed too.
 * {@link dev.seguito.parse.CaptureApiFuzzTest} goes deeper on captures.
 */
class EveryRouteFuzzTest {

    private static final int ROUNDS = Integer.getInteger("seguito.fuzz.routeRounds", 24);
    private static final Pattern PATH_PARAM = Pattern.compile(":(\\w+)");
    /** Not fuzzed: the event stream never ends (EveryRouteTeamIsolationTest covers it); logout ends the session. */
    private static final Set<String> NOT_FUZZED = Set.of("GET /events", "POST /me/logout");
    private static final String[] FIELDS = {"type", "direction", "occurredAt", "note", "subject", "until", "email",
            "phone", "website", "firstName", "lastName", "title", "company", "relationshipType", "contactErasure",
            "name", "role", "format", "content", "idempotencyKey", "since", "code", "deviceName", "source", "html",
            "mime", "pageUrl", "timeZone", "holidayCountry", "rhythmDays", "backoffThreshold", "backoffMultiplier",
            "frequencyCapDays", "dormantDays", "answerEmailBusinessDays", "answerLinkedinDays", "referralIntervalDays",
            "minFitScore", "idealProfile", "daysOff", "channel"};
    private static final String[] QUERY_KEYS = {"limit", "offset", "before", "q", "range", "format", "email",
            "linkedinUrl", "phone", "website", "since"};

    private static SeguitoServer server;
    private static TeamFixture team;
    private static RawHttp admin;
    private static RawHttp member;
    private static RawHttp anonymous;
    private static Map<String, String> ownIds;
    private static String victim;
    /** A request each route accepts, mutated in one place at a time, so that fuzzing gets past the first check. */
    private static Map<String, Supplier<JsonObject>> validBodies;
    private static final Map<String, List<String>> VALID_QUERIES = Map.of(
            "GET /contacts/lookup", List.of("?email=giulia.romano%40fabbricanord.example",
                    "?linkedinUrl=" + enc("https://it.linkedin.com/in/giulia-romano-42")),
            "GET /companies/lookup", List.of("?linkedinUrl=" + enc("https://www.linkedin.com/company/fabbrica-nord/")),
            "GET /agenda", List.of("?range=week&limit=20", "?range=today"),
            "GET /contacts/:contactId/export", List.of("?format=json", "?format=vcard"),
            "DELETE /contacts/:contactId/addresses", List.of("?email=nobody%40example.org", "?phone=%2B390200000000"),
            "GET /team/audit", List.of("?limit=5"),
            "GET /contacts", List.of("?q=giulia&limit=5&offset=0"));

    @BeforeAll
    static void start() {
        System.out.println(FuzzSeed.announce("EveryRouteFuzzTest"));
        // the per-token rate limit is tested on its own (AuthenticationTest); here it would answer 429 to most calls
        server = TestServer.onSharedDatabase(c -> c.withRateLimitPerMinute(1_000_000));
        team = TestServer.newTeam(server, "Route fuzz " + UUID.randomUUID().toString().substring(0, 6));
        ApiClient client = team.admin();
        JsonObject thread = client.post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml")).json();
        String giulia = thread.getJsonObject("contact").getString("id");
        String profile = client.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin.html",
                "https://it.linkedin.com/in/giulia-romano-42")).json().getJsonObject("contact").getString("id");
        victim = client.post("/api/v1/captures", Fixtures.linkedin("giulia_linkedin_new_job.html",
                "https://www.linkedin.com/in/someone-else-7/")).json().getJsonObject("contact").getString("id");
        String adminId = team.adminMember().id().toString();
        String spareToken = client.post("/api/v1/team/members/" + adminId + "/pairing-code", null).json()
                .getString("pairingCode");
        String spareTokenId = new ApiClient(server, ApiClient.anonymous(server).post("/api/v1/pair",
                new JsonObject().put("code", spareToken)).json().getString("token")).get("/api/v1/me").json()
                .getString("tokenId");
        String importId = client.post("/api/v1/imports", new JsonObject().put("format", "vcard")
                .put("content", "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada Fuzz\r\nEMAIL:ada.fuzz@example.org\r\nEND:VCARD\r\n")
                .put("idempotencyKey", UUID.randomUUID().toString())).json().getString("id");
        long outboxRow = server.pool().preparedQuery("select max(id) from outbox where team_id = $1")
                .execute(Tuple.of(team.teamId())).await().iterator().next().getLong(0);
        ownIds = Map.of("contactId", giulia, "otherId", profile, "memberId", adminId, "tokenId", spareTokenId,
                "captureId", thread.getString("captureId"), "importId", importId, "rowId", String.valueOf(outboxRow));
        JsonObject policy = client.get("/api/v1/team/policy").json();
        String vcard = "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Bo Fuzz\r\nEMAIL:bo.fuzz@example.org\r\nEND:VCARD\r\n";
        validBodies = Map.ofEntries(
                Map.entry("PATCH /contacts/:contactId", () -> new JsonObject().put("title", "Head of Procurement")
                        .put("tags", new JsonArray().add("warm intro")).put("industry", "Steel")),
                Map.entry("PATCH /team/settings", () -> new JsonObject().put("contactErasure", "members")),
                Map.entry("PUT /team/policy", policy::copy),
                Map.entry("POST /admin/reparse", () -> new JsonObject().put("since", "2026-01-01")),
                Map.entry("POST /captures", () -> Fixtures.eml("thread_with_giulia.eml")),
                Map.entry("POST /contacts", () -> new JsonObject().put("fullName", "Bo Typed")
                        .put("email", "bo.typed-" + UUID.randomUUID() + "@example.it").put("phone", "02 1234 5678")
                        .put("company", "Fuzz S.r.l.").put("tags", new JsonArray().add("trade fair"))
                        .put("met", new JsonObject().put("where", "Fuzz fair")).put("idempotencyKey", UUID.randomUUID().toString())),
                Map.entry("POST /contacts/:contactId/addresses", () -> new JsonObject()
                        .put("email", "fuzz-" + UUID.randomUUID() + "@example.org")),
                Map.entry("POST /contacts/:contactId/interactions", () -> new JsonObject().put("type", "call")
                        .put("direction", "outbound").put("note", "Fuzz call")),
                Map.entry("POST /contacts/:contactId/next-touch/snooze", () -> new JsonObject().put("until", "2027-01-01")),
                Map.entry("POST /imports", () -> new JsonObject().put("format", "vcard").put("content", vcard)
                        .put("idempotencyKey", UUID.randomUUID().toString())),
                Map.entry("POST /pair", () -> new JsonObject().put("code", "NOPE-NOPE").put("deviceName", "fuzz")),
                Map.entry("POST /team/members", () -> new JsonObject().put("name", "Fuzz Member")
                        .put("email", "fuzz-" + UUID.randomUUID() + "@example.org").put("role", "member")));
        admin = new RawHttp(server.port(), client.token());
        member = new RawHttp(server.port(), team.member("Fuzz Member",
                "fuzz.member-" + UUID.randomUUID() + "@example.org").token());
        anonymous = new RawHttp(server.port(), null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyRouteAnswersRandomAndHostileRequestsWithoutA500() {
        Random random = new Random(FuzzSeed.SEED + 7);
        List<String> routes = new ArrayList<>(ApiRoutes.of(server));
        routes.removeAll(NOT_FUZZED);
        int calls = 0;
        int memberCalls = 0;
        List<String> failures = new ArrayList<>();
        for (String route : routes) {
            String method = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            for (int round = 0; round < ROUNDS; round++) {
                RawHttp client = route.equals("POST /pair") ? anonymous : random.nextInt(3) == 0 ? member : admin;
                List<String> validQueries = VALID_QUERIES.get(route);
                String query = validQueries != null && random.nextBoolean()
                        ? validQueries.get(random.nextInt(validQueries.size())) : query(random);
                String path = "/api/v1" + fillPath(route, template, random) + query;
                Supplier<JsonObject> valid = validBodies.get(route);
                Body body = method.equals("GET") || method.equals("DELETE") && random.nextInt(4) > 0 ? Body.NONE
                        : valid != null && random.nextInt(3) > 0 ? mutated(valid.get(), random) : body(random);
                RawHttp.Answer answer = client.send(method, path, body.bytes(), body.contentType());
                failures.addAll(problems(answer, method + " " + abbreviate(path) + " with " + body.description()
                        + (client == member ? " as a member" : "") + " (round " + round + ", seed " + FuzzSeed.SEED + ")"));
                calls++;
                memberCalls += client == member ? 1 : 0;
            }
        }
        assertThat(failures).as("answers that were not a clear refusal or a success").isEmpty();
        assertThat(calls).isEqualTo(routes.size() * ROUNDS);
        assertThat(memberCalls).as("calls made as a member").isGreaterThan(calls / 5);
        assertThat(admin.get("/api/v1/me").status()).as("the server still serves the team").isEqualTo(200);
        assertThat(admin.get("/api/v1/contacts?q=").status()).isEqualTo(200);
        assertThat(member.get("/api/v1/me").status()).as("and its member").isEqualTo(200);
    }

    @Test
    void everyFieldOfAValidRequestMayBeMissingNullOrOfAnotherTypeWithoutA500() {
        List<Object> wrong = new ArrayList<>();
        wrong.add(null);
        wrong.addAll(List.of(0, -1, Long.MAX_VALUE, 1.5, true, "", "x".repeat(5_000), new JsonArray(),
                new JsonArray().add("a"), new JsonObject(), new JsonObject().put("a", 1)));
        int calls = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Supplier<JsonObject>> entry : new java.util.TreeMap<>(validBodies).entrySet()) {
            String route = entry.getKey();
            String method = route.substring(0, route.indexOf(' '));
            String path = "/api/v1" + fillPath(route, route.substring(route.indexOf(' ') + 1), null);
            RawHttp client = route.equals("POST /pair") ? anonymous : admin;
            for (String field : entry.getValue().get().fieldNames()) {
                for (int i = -1; i < wrong.size(); i++) {
                    JsonObject body = entry.getValue().get();
                    if (i < 0) {
                        body.remove(field);
                    } else {
                        body.put(field, wrong.get(i));
                    }
                    String what = i < 0 ? "without " + field : field + " = " + abbreviate(String.valueOf(wrong.get(i)));
                    failures.addAll(problems(client.send(method, path, utf8(body.encode()), "application/json"),
                            route + " " + what));
                    calls++;
                }
            }
        }
        assertThat(failures).as("answers that were not a clear refusal or a success").isEmpty();
        assertThat(calls).isGreaterThan(validBodies.size() * wrong.size());
    }

    @Test
    void aTooLongAddressIsRefusedByTheHttpLayerNotA500() {
        RawHttp.Answer answer = admin.get("/api/v1/contacts?q=" + "x".repeat(20_000));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(414);
        assertThat(admin.get("/api/v1/me").status()).isEqualTo(200);
    }

    /** What is wrong with an answer: a 5xx or no answer, a refusal that is not JSON saying why, broken JSON. */
    private static List<String> problems(RawHttp.Answer answer, String what) {
        String type = answer.header("Content-Type");
        if (answer.status() < 200 || answer.status() > 499) {
            return List.of(what + " answered " + answer);
        }
        try {
            if (answer.status() >= 400) {
                JsonObject json = answer.json();
                if (type == null || !type.startsWith("application/json") || json.getString("error", "").isBlank()
                        || json.getString("message", "").isBlank()) {
                    return List.of(what + " refused without saying why: " + answer);
                }
            } else if (type != null && type.startsWith("application/json") && !answer.body().isEmpty()) {
                new JsonObject(answer.body());
            }
        } catch (RuntimeException e) {
            return List.of(what + " answered unreadable JSON: " + answer);
        }
        return List.of();
    }

    // -------------------------------------------------------------------------------------------------- requests

    /**
     * The route's path with each :param an own id most of the time (to reach the handler), else a hostile one; always
     * the own id without {@code random}.
     */
    private static String fillPath(String route, String template, Random random) {
        Matcher m = PATH_PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            // erasing the contact the other routes work on would leave them nothing but 404s (a merge keeps :contactId)
            String own = route.equals("DELETE /contacts/:contactId") ? victim : ownIds.get(m.group(1));
            String value = random == null || random.nextInt(3) > 0 && own != null ? own : pick(random,
                    UUID.randomUUID().toString(), "not-a-uuid", "-1", "0", "99999999999999999999", "%00", "%FF%FE",
                    "..%2F..%2Fteam", "x".repeat(600), "%E2%80%AE", "1e309", "null");
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String query(Random random) {
        int n = random.nextInt(4);
        StringBuilder q = new StringBuilder();
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? '?' : '&').append(pick(random, QUERY_KEYS)).append('=').append(pick(random,
                    "", "-1", "0", "abc", "99999999999999999999", "1e309", "NaN", "%FF%FE%FD", "%00", "%C0%AF",
                    enc("giulia.romano@fabbricanord.example"), enc("https://www.linkedin.com/in/giulia-romano-42/"),
                    enc("'; drop table party; --"), enc("<script>alert(1)</script>"), "x".repeat(600), "json",
                    "vcard", "week", "2026-02-30", enc("+39 02 1234 5678"), enc("😀\u202e")));
        }
        return q.toString();
    }

    private record Body(byte[] bytes, String contentType, String description) {
        static final Body NONE = new Body(null, null, "no body");
    }

    private static Body body(Random random) {
        switch (random.nextInt(10)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(64)];
                random.nextBytes(bytes);
                return new Body(bytes, "application/json", "random bytes");
            }
            case 1 -> {
                String raw = pick(random, "{", "[]", "null", "\"text\"", "123", "{\"a\":}", "{\"a\":1,\"a\":2}",
                        "\uFEFF{}", "{\"email\":\"\\ud800\"}", "", "   ");
                return new Body(utf8(raw), "application/json", "broken JSON " + raw);
            }
            case 2 -> {
                int depth = 2_000 + random.nextInt(20_000);
                return new Body(utf8("[".repeat(depth) + "]".repeat(depth)), "application/json", "nesting " + depth);
            }
            case 3 -> {
                return new Body(utf8(object(random, 0).encode()), pick(random, "text/plain", "application/xml",
                        "multipart/form-data; boundary=x", "application/json; charset=latin1"), "other content type");
            }
            default -> {
                JsonObject json = object(random, 0);
                return new Body(utf8(json.encode()), "application/json", "JSON " + abbreviate(json.encode()));
            }
        }
    }

    /** A valid request as it is, or with one field changed, removed or added. */
    private static Body mutated(JsonObject valid, Random random) {
        List<String> names = new ArrayList<>(valid.fieldNames());
        String field = names.isEmpty() ? "unknown" : names.get(random.nextInt(names.size()));
        String change;
        switch (random.nextInt(4)) {
            case 0 -> change = "as it is";
            case 1 -> {
                valid.remove(field);
                change = "without " + field;
            }
            case 2 -> {
                valid.put(pick(random, FIELDS), value(random, 1));
                change = "with an extra field";
            }
            default -> {
                Object value = value(random, 1);
                valid.put(field, value);
                change = field + " = " + abbreviate(String.valueOf(value));
            }
        }
        return new Body(utf8(valid.encode()), "application/json", "a valid request " + change);
    }

    private static JsonObject object(Random random, int depth) {
        JsonObject o = new JsonObject();
        int fields = 1 + random.nextInt(5);
        for (int i = 0; i < fields; i++) {
            o.put(random.nextInt(12) == 0 ? "unknown" + i : pick(random, FIELDS), value(random, depth));
        }
        return o;
    }

    private static Object value(Random random, int depth) {
        int kind = random.nextInt(depth < 3 ? 24 : 22);
        return switch (kind) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> random.nextInt();
            case 3 -> Long.MAX_VALUE;
            case 4 -> -1;
            case 5 -> 1e308;
            case 6 -> -0.0;
            case 7 -> "";
            case 8 -> "x".repeat(random.nextInt(200_000));
            case 9 -> "\u0000\u0007\u202e";
            case 10 -> "<img src=x onerror=alert(1)>";
            case 11 -> "2026-02-30";
            case 12 -> "2026-12-05T10:00:00Z";
            case 13 -> "9999-12-31T23:59:59Z";
            case 14 -> pick(random, "client", "prospect", "admins", "members", "member", "admin", "call", "meeting",
                    "note", "inbound", "outbound", "linkedin_csv", "vcard", "eml", "linkedin_profile");
            case 15 -> "giulia.romano@fabbricanord.example";
            case 16 -> "+390212345678";
            case 17 -> "Europe/Rome";
            case 18 -> UUID.randomUUID().toString();
            case 19 -> "\uD83D\uDE00 Zoë Ørsted-Ñúñez";
            case 20 -> "'; drop table party; --";
            case 21 -> random.nextDouble() * 1e6 - 5e5;
            case 22 -> new JsonArray().add(value(random, depth + 1)).add(value(random, depth + 1));
            default -> object(random, depth + 1);
        };
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…(" + s.length() + " chars)" : s;
    }
}
