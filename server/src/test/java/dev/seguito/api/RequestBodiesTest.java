package dev.seguito.api;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.Gzip;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** How request bodies are read: only for authenticated callers, and within the size each kind of route accepts. */
class RequestBodiesTest {

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture team;

    @BeforeAll
    static void start() {
        team = TestServer.newTeam(server, "Bodies " + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void aCallerWithoutAValidTokenIsRefusedBeforeItsBodyIsInflated() {
        RawHttp stranger = new RawHttp(server.port(), "not-a-token");

        // not gzip at all: inflating it would answer 400, so a 401 shows the body was never read
        RawHttp.Answer answer = stranger.send("POST", "/api/v1/captures", "not gzip".getBytes(StandardCharsets.UTF_8),
                "application/json", "gzip");

        assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    }

    @Test
    void aSmallBodyRouteRefusesMoreThanAMegabyteOnceInflated() {
        RawHttp http = new RawHttp(server.port(), team.admin().token());
        String note = "x".repeat(Http.SMALL_BODY_BYTES);
        byte[] body = new JsonObject().put("type", "note").put("note", note).toBuffer().getBytes();

        byte[] compressed = Gzip.of(body);

        RawHttp.Answer answer = http.send("POST", "/api/v1/contacts/" + UUID.randomUUID() + "/interactions",
                compressed, "application/json", "gzip");

        assertThat(compressed.length).as("the compressed body itself is small").isLessThan(64 * 1024);
        assertThat(answer.status()).as(answer.body()).isEqualTo(413);
        assertThat(answer.json().getString("message")).contains("1 MB once decompressed");
    }

    @Test
    void aCaptureMayBeLargerThanASmallBodyRouteAccepts() {
        RawHttp http = new RawHttp(server.port(), team.admin().token());
        String padding = "<p>" + "Giulia Romano lavora a Milano. ".repeat(40_000) + "</p>";
        String page = "<html><head><title>Giulia Romano | LinkedIn</title></head><body><main><h1>Giulia Romano</h1>"
                + "<div class=\"text-body-medium\">Head of Partnerships at Fabbrica Srl</div>" + padding + "</main></body></html>";
        byte[] body = new JsonObject().put("source", "linkedin_profile").put("html", page)
                .put("pageUrl", "https://www.linkedin.com/in/giulia-romano-bodies/")
                .put("idempotencyKey", UUID.randomUUID().toString()).toBuffer().getBytes();

        RawHttp.Answer answer = http.send("POST", "/api/v1/captures", Gzip.of(body), "application/json", "gzip");

        assertThat(body.length).isGreaterThan(Http.SMALL_BODY_BYTES);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().getJsonObject("contact").getString("displayName")).isEqualTo("Giulia Romano");
    }

    @Test
    void aJsonArrayIsNotABody() {
        RawHttp http = new RawHttp(server.port(), team.admin().token());

        RawHttp.Answer capture = http.send("POST", "/api/v1/captures", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                "application/json");
        RawHttp.Answer policy = http.send("PUT", "/api/v1/team/policy", "[1, 2]".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertThat(capture.status()).as(capture.body()).isEqualTo(400);
        assertThat(capture.json().getString("message")).isEqualTo("The body is not a JSON object");
        assertThat(policy.status()).as(policy.body()).isEqualTo(400);
    }
}
