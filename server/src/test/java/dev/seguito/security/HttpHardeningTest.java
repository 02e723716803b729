package dev.seguito.security;

import dev.seguito.SeguitoServer;
import dev.seguito.api.SecurityHeaders;
import dev.seguito.testing.Fixtures;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Security headers on every answer, JSON 401s, and concurrent duplicate submissions of one capture. */
class HttpHardeningTest {

    @RunningServer
    private static SeguitoServer server;
    private static TeamFixture team;

    @BeforeAll
    static void start() {
        team = TestServer.newTeam(server, "Hardening " + UUID.randomUUID().toString().substring(0, 6));
    }

    @Test
    void everyAnswerForbidsFramingAndLoadingAnything() {
        RawHttp authed = new RawHttp(server.port(), team.admin().token());
        RawHttp anonymous = new RawHttp(server.port(), null);
        List<RawHttp.Answer> answers = List.of(
                authed.get("/api/v1/me"),
                authed.get("/api/v1/contacts/" + UUID.randomUUID()),
                authed.get("/api/v1/no-such-route"),
                authed.send("POST", "/api/v1/captures", "{not json".getBytes(), "application/json"),
                anonymous.get("/api/v1/me"),
                anonymous.get("/health"),
                anonymous.get("/metrics"),
                anonymous.get("/nothing-here"));
        for (RawHttp.Answer answer : answers) {
            assertThat(answer.header("Content-Security-Policy")).as(answer.toString()).isEqualTo(SecurityHeaders.API_CSP)
                    .isEqualTo("default-src 'none'; frame-ancestors 'none'");
            assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
            assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void aWrongMissingOrMalformedTokenIs401Json() {
        for (String token : new String[]{"sgt_wrong", "", "x".repeat(5000), "\u00e9\u00e8"}) {
            RawHttp.Answer answer = new RawHttp(server.port(), token).get("/api/v1/me");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/json");
            assertThat(answer.json().getString("error")).isEqualTo("unauthorized");
            assertThat(answer.json().getString("message")).isNotBlank();
        }
        RawHttp.Answer none = new RawHttp(server.port(), null).post("/api/v1/captures", Fixtures.eml("thread_with_giulia.eml"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().getString("error")).isEqualTo("unauthorized");
    }

    @Test
    void tenIdenticalSubmissionsAtOnceStoreOneCaptureAndAllGetItsId() throws Exception {
        JsonObject capture = Fixtures.linkedin("giulia_linkedin.html", "https://www.linkedin.com/in/giulia-romano-42/");
        RawHttp client = new RawHttp(server.port(), team.admin().token());
        int parallel = 10;
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Callable<RawHttp.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                // a 409 "still being processed" is retried, as the extension does (bounded)
                calls.add(() -> {
                    RawHttp.Answer answer = null;
                    for (int attempt = 0; attempt < 20; attempt++) {
                        answer = client.post("/api/v1/captures", capture);
                        if (answer.status() != 409) {
                            break;
                        }
                        Thread.sleep(100);
                    }
                    return answer;
                });
            }
            List<RawHttp.Answer> answers = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                List<RawHttp.Answer> out = new ArrayList<>();
                for (Future<RawHttp.Answer> f : pool.invokeAll(calls)) {
                    out.add(f.get());
                }
                return out;
            });

            assertThat(answers).extracting(RawHttp.Answer::status).allSatisfy(s -> assertThat(s).isIn(200, 201));
            assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
            Set<String> ids = answers.stream().map(a -> a.json().getString("captureId")).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(server.pool().preparedQuery("select count(*) from capture where team_id = $1 and idempotency_key = $2")
                    .execute(io.vertx.sqlclient.Tuple.of(team.teamId(), capture.getString("idempotencyKey"))).await()
                    .iterator().next().getLong(0)).isEqualTo(1);
            assertThat(team.admin().get("/api/v1/contacts?q=romano").json().getLong("total")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
