package dev.seguito.capture;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.Gzip;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A capture sent as the page itself (the form the extension uses): the details in the query and the
 * {@code Idempotency-Key} header, the page as the body, gzip or not.
 */
class CapturePageBodyTest {

    private static final String GIULIA_URL = "https://it.linkedin.com/in/giulia-romano-42?trk=public_profile";

    @RunningServer
    private static SeguitoServer server;

    @Test
    void aGzipPageIsStoredAsItArrivedAndReparsesToTheSameContact() {
        TeamFixture team = team();
        byte[] gzip = Gzip.of(Fixtures.text("giulia_linkedin.html"));

        ApiClient.Response response = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(),
                "text/html; charset=utf-8", gzip, true);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonObject card = response.json().getJsonObject("contact");
        assertThat(card.getString("displayName")).isEqualTo("Giulia Romano");
        assertThat(card.getString("linkedinUrl")).isEqualTo("https://www.linkedin.com/in/giulia-romano-42/");
        Row stored = stored(response.json().getString("captureId"));
        assertThat(stored.getString("raw_format")).isEqualTo("page");
        assertThat(stored.getBuffer("raw").getBytes()).isEqualTo(gzip);
        assertThat(stored.getString("page_url")).isEqualTo(GIULIA_URL);
        ApiClient.Response reparsed = team.admin().post("/api/v1/captures/" + response.json().getString("captureId") + "/reparse", null);
        assertThat(reparsed.status()).as(reparsed.body()).isEqualTo(200);
        assertThat(reparsed.json().getJsonObject("contact").getString("id")).isEqualTo(card.getString("id"));
    }

    @Test
    void aBrowserClockThreeHoursLateIsCorrectedByWhenTheCaptureWasSent() {
        TeamFixture team = team();
        Instant before = Instant.now();
        Instant browserNow = before.minus(Duration.ofHours(3));
        String query = "source=linkedin_profile&pageUrl=" + enc(GIULIA_URL)
                + "&capturedAt=" + enc(browserNow.minus(Duration.ofMinutes(10)).toString())
                + "&sentAt=" + enc(browserNow.toString());

        ApiClient.Response response = send(team, query, UUID.randomUUID().toString(), "text/html; charset=utf-8",
                Fixtures.text("giulia_linkedin.html").getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        Instant capturedAt = stored(response.json().getString("captureId")).getOffsetDateTime("captured_at").toInstant();
        assertThat(capturedAt).as("ten minutes before it arrived, by the server's clock")
                .isBetween(before.minus(Duration.ofMinutes(10)), Instant.now().minus(Duration.ofMinutes(10)));
    }

    @Test
    void theSameKeyAgainIsAnsweredFromTheStoredResultWhicheverFormItCameIn() {
        TeamFixture team = team();
        JsonObject asJson = Fixtures.linkedin("giulia_linkedin.html", GIULIA_URL);
        String key = asJson.getString("idempotencyKey");
        byte[] page = asJson.getString("html").getBytes(StandardCharsets.UTF_8);

        ApiClient.Response first = send(team, linkedinQuery(GIULIA_URL), key, "text/html", page, false);
        ApiClient.Response again = send(team, linkedinQuery(GIULIA_URL), key, "text/html", page, false);
        ApiClient.Response asJsonAgain = team.admin().post("/api/v1/captures", asJson);
        ApiClient.Response otherPage = send(team, linkedinQuery(GIULIA_URL), key, "text/html",
                "<main><h1>Someone else</h1></main>".getBytes(StandardCharsets.UTF_8), false);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(asJsonAgain.status()).as(asJsonAgain.body()).isEqualTo(200);
        assertThat(again.json().getString("captureId")).isEqualTo(first.json().getString("captureId"));
        assertThat(asJsonAgain.json().getString("captureId")).isEqualTo(first.json().getString("captureId"));
        assertThat(otherPage.status()).as(otherPage.body()).isEqualTo(409);
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isEqualTo(1);
    }

    @Test
    void aMailAsMessageRfc822WithTheMembersOwnAddressesMakesTheOtherPersonTheContact() {
        TeamFixture team = team();
        String query = "source=eml&ownEmail=" + enc("marco@seguito-sales.example");
        byte[] mail = Fixtures.eml("thread_with_giulia.eml").getString("mime").getBytes(StandardCharsets.UTF_8);

        ApiClient.Response response = send(team, query, UUID.randomUUID().toString(), "message/rfc822", mail, false);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().getJsonObject("contact").getString("displayName")).isEqualTo("Giulia Romano");
    }

    @Test
    void aNulInThePageIsStoredAsTheReplacementCharacter() {
        TeamFixture team = team();
        String page = Fixtures.text("giulia_linkedin.html").replace("Head of Procurement", "Head of\u0000Procurement");

        ApiClient.Response response = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(), "text/html",
                page.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().getJsonObject("contact").getString("title")).doesNotContain("\u0000");
        ApiClient.Response reparsed = team.admin().post("/api/v1/captures/" + response.json().getString("captureId") + "/reparse", null);
        assertThat(reparsed.status()).as(reparsed.body()).isEqualTo(200);
    }

    @Test
    void whatIsMissingOrMismatchedIsA4xxThatSaysSo() {
        TeamFixture team = team();
        byte[] page = Fixtures.text("giulia_linkedin.html").getBytes(StandardCharsets.UTF_8);
        byte[] mail = Fixtures.eml("thread_with_giulia.eml").getString("mime").getBytes(StandardCharsets.UTF_8);

        ApiClient.Response noKey = send(team, linkedinQuery(GIULIA_URL), null, "text/html", page, false);
        ApiClient.Response noSource = send(team, "pageUrl=" + enc(GIULIA_URL), UUID.randomUUID().toString(), "text/html", page, false);
        ApiClient.Response mailAsHtml = send(team, "source=eml", UUID.randomUUID().toString(), "text/html", mail, false);
        ApiClient.Response pageAsMail = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(), "message/rfc822", page, false);
        ApiClient.Response latin1 = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(),
                "text/html; charset=iso-8859-1", page, false);
        ApiClient.Response pdf = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(), "application/pdf", page, false);
        ApiClient.Response empty = send(team, linkedinQuery(GIULIA_URL), UUID.randomUUID().toString(), "text/html", new byte[0], false);

        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().getString("message")).contains("idempotencyKey");
        assertThat(noSource.status()).isEqualTo(400);
        assertThat(noSource.json().getString("message")).contains("source");
        assertThat(mailAsHtml.status()).isEqualTo(400);
        assertThat(pageAsMail.status()).isEqualTo(400);
        assertThat(latin1.status()).isEqualTo(415);
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.json().getString("error")).isEqualTo("unsupported_media_type");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(team.admin().get("/api/v1/contacts?q=").json().getLong("total")).isZero();
    }

    private static TeamFixture team() {
        return TestServer.newTeam(server, "Pages " + UUID.randomUUID().toString().substring(0, 6));
    }

    private static String linkedinQuery(String pageUrl) {
        return "source=linkedin_profile&pageUrl=" + enc(pageUrl) + "&capturedAt="
                + enc(Fixtures.WRITTEN_AT.plus(Fixtures.shift()).toString());
    }

    private static ApiClient.Response send(TeamFixture team, String query, String key, String contentType, byte[] body,
                                           boolean gzip) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", contentType));
        if (key != null) {
            headers.put("Idempotency-Key", key);
        }
        if (gzip) {
            headers.put("Content-Encoding", "gzip");
        }
        return team.admin().send(HttpMethod.POST, "/api/v1/captures?" + query, Buffer.buffer(body), headers);
    }

    private static Row stored(String captureId) {
        return server.pool().preparedQuery("select raw, raw_format, page_url, captured_at from capture where id = $1")
                .execute(Tuple.of(UUID.fromString(captureId))).await().iterator().next();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
