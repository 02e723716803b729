package dev.seguito.parse;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.FuzzSeed;
import dev.seguito.testing.Gzip;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The capture API under random and hostile bodies (seeded like {@link ParserFuzzTest}): never a 500, every 4xx is
 * JSON {@code {error, message}}, every call answers, and what gets stored is capped text without markup.
 */
class CaptureApiFuzzTest {

    private static final int ROUNDS = Integer.getInteger("seguito.fuzz.apiRounds", 40);
    private static final Pattern TAG = ParserFuzzTest.HTML_TAG;
    private static final String[] SOURCES = {"linkedin_profile", "gmail_thread", "outlook_thread", "eml"};

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture team;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        System.out.println(FuzzSeed.announce("CaptureApiFuzzTest"));
        team = TestServer.newTeam(server, "Fuzz " + UUID.randomUUID().toString().substring(0, 6));
        http = new RawHttp(server.port(), team.admin().token());
    }

    @Test
    void randomCapturesNeverAnswer500AndStoreOnlyCappedText() {
        Random random = new Random(ParserFuzzTest.SEED + 7);
        List<String> seeds = List.of(Fixtures.text("giulia_linkedin.html"), Fixtures.text("giulia_linkedin_new_job.html"),
                ParserFuzzTest.GMAIL, ParserFuzzTest.OUTLOOK);
        String eml = Fixtures.text("thread_with_giulia.eml");
        for (int round = 0; round < ROUNDS; round++) {
            String source = SOURCES[random.nextInt(SOURCES.length)];
            String content = source.equals("eml") ? ParserFuzzTest.Mutations.mime(random, eml)
                    : ParserFuzzTest.Mutations.html(random, seeds.get(random.nextInt(seeds.size())));
            JsonObject body = new JsonObject().put("source", source).put(source.equals("eml") ? "mime" : "html", content)
                    .put("pageUrl", "https://www.linkedin.com/in/fuzz-" + round + "/")
                    .put("idempotencyKey", UUID.randomUUID().toString());
            check(post(body.toBuffer().getBytes(), null), "round " + round + " " + source);
        }
    }

    @Test
    void randomPagesSentAsTheBodyNeverAnswer500() {
        Random random = new Random(ParserFuzzTest.SEED + 11);
        List<String> seeds = List.of(Fixtures.text("giulia_linkedin.html"), ParserFuzzTest.GMAIL, ParserFuzzTest.OUTLOOK);
        String eml = Fixtures.text("thread_with_giulia.eml");
        String[] queries = {"source=linkedin_profile&pageUrl=https%3A%2F%2Fwww.linkedin.com%2Fin%2Ffuzz%2F", "source=gmail_thread",
                "source=outlook_thread&ownEmail=me%40example.com", "source=eml", "source=linkedin_profile&pageUrl=%00%ED%A0%80",
                "source=linkedin_profile&capturedAt=soon", "source=nonsense", ""};
        for (int round = 0; round < ROUNDS; round++) {
            String query = queries[random.nextInt(queries.length)];
            boolean mail = query.equals("source=eml");
            byte[] page = (mail ? ParserFuzzTest.Mutations.mime(random, eml)
                    : ParserFuzzTest.Mutations.html(random, seeds.get(random.nextInt(seeds.size())))).getBytes(StandardCharsets.UTF_8);
            if (random.nextInt(4) == 0) {
                page = replace(page, page.length > 40 ? new String(page, 20, 4, StandardCharsets.ISO_8859_1) : "",
                        new byte[]{(byte) 0xC3, 0x28, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80}); // invalid UTF-8, a NUL
            }
            byte[] body = page;
            RawHttp.Answer answer = assertTimeoutPreemptively(Duration.ofSeconds(90), () -> http.send("POST",
                    "/api/v1/captures?" + query, body, mail ? "message/rfc822" : "text/html; charset=utf-8", null,
                    UUID.randomUUID().toString()));
            check(answer, "page round " + round + " " + query);
        }
    }

    @Test
    void hostileBodiesAnswerAClearStatus() throws Exception {
        String profile = Fixtures.text("giulia_linkedin.html");
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(capture("linkedin_profile", profile.replace("Giulia Romano", "N".repeat(1 << 20))).toBuffer().getBytes());
        bodies.add(capture("linkedin_profile", "<div>".repeat(100_000) + "Giulia Romano").toBuffer().getBytes());
        bodies.add(capture("gmail_thread", ParserFuzzTest.GMAIL.replace("Thursday", "\u0000".repeat(1000))).toBuffer().getBytes());
        bodies.add(capture("eml", "From: a@b\n\n" + "=?x?Q?".repeat(1000)).toBuffer().getBytes());
        bodies.add(capture("linkedin_profile", profile.replace("Romano", "Rom\uD800ano")).toBuffer().getBytes());
        byte[] json = capture("linkedin_profile", profile.replace("Giulia", "GIULIA_MARK")).toBuffer().getBytes();
        bodies.add(replace(json, "GIULIA_MARK", new byte[]{(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE})); // invalid UTF-8 inside a JSON string
        bodies.add(replace(json, "GIULIA_MARK", new byte[]{0}));                                              // a raw NUL byte
        bodies.add("{\"source\":\"eml\",\"mime\":".getBytes(StandardCharsets.UTF_8));                           // truncated JSON
        bodies.add("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        bodies.add("null".getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[0]);
        bodies.add(new JsonObject().put("source", 42).put("html", new JsonArray()).toBuffer().getBytes());
        bodies.add(new JsonObject().put("source", "eml").put("mime", "x").put("idempotencyKey", "k".repeat(300)).toBuffer().getBytes());
        bodies.add(capture("linkedin_profile", profile).put("capturedAt", "yesterday").toBuffer().getBytes());
        bodies.add(capture("linkedin_profile", profile).put("pageUrl", "https://x/" + "a".repeat(5000)).toBuffer().getBytes());
        bodies.add(capture("nonsense", profile).toBuffer().getBytes());
        bodies.add("{\"a\":".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < bodies.size(); i++) {
            check(post(bodies.get(i), null), "hostile body " + i);
        }
        RawHttp.Answer bomb = post(Gzip.of(new byte[64 * 1024 * 1024]), "gzip");
        assertThat(bomb.status()).as("a gzip bomb (64 MB of zeros): " + bomb.body()).isEqualTo(413);
        RawHttp.Answer notGzip = post("not gzip at all".getBytes(StandardCharsets.UTF_8), "gzip");
        assertThat(notGzip.status()).as("a body that is not gzip: " + notGzip.body()).isEqualTo(400);
        assertThat(notGzip.body()).contains("not valid gzip");
        RawHttp.Answer brotli = post(capture("linkedin_profile", profile).toBuffer().getBytes(), "br");
        assertThat(brotli.status()).as("an encoding the server does not speak: " + brotli.body()).isEqualTo(400);
        RawHttp.Answer gzipped = post(Gzip.of(capture("linkedin_profile", profile).toBuffer().getBytes()), "gzip");
        assertThat(gzipped.status()).as("a real gzip capture: " + gzipped.body()).isEqualTo(201);
        assertThat(http.get("/api/v1/me").status()).as("the server is still fine").isEqualTo(200);
    }

    private static JsonObject capture(String source, String content) {
        return new JsonObject().put("source", source).put(source.equals("eml") ? "mime" : "html", content)
                .put("pageUrl", "https://www.linkedin.com/in/giulia-romano-42/").put("idempotencyKey", UUID.randomUUID().toString());
    }

    private static RawHttp.Answer post(byte[] body, String encoding) {
        return assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
            if (encoding == null) {
                return http.send("POST", "/api/v1/captures", body, "application/json");
            }
            return http.send("POST", "/api/v1/captures", body, "application/json", encoding);
        });
    }

    private static void check(RawHttp.Answer answer, String what) {
        assertThat(answer.status()).as(what + ": " + answer).isBetween(200, 499);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
        JsonObject json = answer.json();
        if (answer.status() >= 400) {
            assertThat(json.getString("error")).as(what + ": " + answer).isNotBlank();
            assertThat(json.getString("message")).as(what + ": " + answer).isNotBlank();
            return;
        }
        for (Object o : json.getJsonArray("contacts", new JsonArray())) {
            JsonObject card = (JsonObject) o;
            for (String field : List.of("displayName", "firstName", "lastName", "headline", "title", "company", "location", "website")) {
                String value = card.getString(field);
                if (value != null) {
                    assertThat(value.length()).as(what + " " + field).isLessThanOrEqualTo(Texts.MAX_FIELD);
                    assertThat(TAG.matcher(value).find()).as(what + " markup in " + field + ": " + value).isFalse();
                }
            }
            String about = card.getString("about");
            assertThat(about == null ? 0 : about.length()).as(what).isLessThanOrEqualTo(Texts.MAX_ABOUT);
        }
    }

    private static byte[] replace(byte[] haystack, String marker, byte[] with) {
        String s = new String(haystack, StandardCharsets.ISO_8859_1);
        int at = s.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(haystack, 0, at);
        out.writeBytes(with);
        out.write(haystack, at + marker.length(), haystack.length - at - marker.length());
        return out.toByteArray();
    }
}
