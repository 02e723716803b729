package dev.seguito.team;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    @RunningServer
    private static SeguitoServer server;

    /** The pairing tests guess from 127.0.0.1 on servers sharing one database: each starts with no guesses counted. */
    @BeforeEach
    @AfterEach
    void forgetGuesses() {
        TestDatabase.forgetRequestCounts();
    }

    @Test
    void everyApiRouteNeedsABearerToken() {
        ApiClient anonymous = ApiClient.anonymous(server);
        for (String path : new String[]{"/api/v1/me", "/api/v1/contacts", "/api/v1/contacts/lookup?email=a@b.c",
                "/api/v1/team/members", "/api/v1/events", "/api/v1/no-such-route"}) {
            ApiClient.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().getString("error")).isEqualTo("unauthorized");
            assertThat(response.json().getString("message")).contains("Bearer");
        }
    }

    @Test
    void anUnknownTokenIsRefusedWithAClearMessage() {
        ApiClient.Response response = new ApiClient(server, "sgt_not-a-real-token").get("/api/v1/me");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().getString("message")).contains("Pair this browser again");
    }

    @Test
    void aPairingCodeWorksOnceAndIsNotCaseSensitive() {
        // a server of its own: the used code counts as a wrong one from 127.0.0.1, which the class's server would
        // keep sharing into the next tests' counts for the rest of the minute
        try (SeguitoServer own = TestServer.onSharedDatabase(c -> c)) {
            TeamFixture team = TestServer.newTeam(own, "Pairing");
            String code = team.admin().post("/api/v1/team/members", new JsonObject().put("name", "Bea")
                    .put("email", "bea@pairing.test")).json().getString("pairingCode");
            ApiClient anonymous = ApiClient.anonymous(own);

            ApiClient.Response first = anonymous.post("/api/v1/pair", new JsonObject().put("code", code.toLowerCase()));
            ApiClient.Response second = anonymous.post("/api/v1/pair", new JsonObject().put("code", code));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.json().getJsonObject("member").getString("name")).isEqualTo("Bea");
            assertThat(first.json().getJsonObject("team").getString("id")).isEqualTo(team.teamId().toString());
            assertThat(second.status()).isEqualTo(401);
            assertThat(second.json().getString("message")).contains("already used");
        }
    }

    @Test
    void aRevokedTokenStopsWorking() {
        TeamFixture team = TestServer.newTeam(server, "Revoke");
        ApiClient bea = team.member("Bea", "bea@revoke.test");
        String tokenId = bea.get("/api/v1/me").json().getString("tokenId");

        assertThat(team.admin().delete("/api/v1/team/tokens/" + tokenId).status()).isEqualTo(200);

        ApiClient.Response after = bea.get("/api/v1/me");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().getString("message")).contains("revoked");
    }

    @Test
    void logoutRevokesTheCallersOwnToken() {
        TeamFixture team = TestServer.newTeam(server, "Logout");
        ApiClient bea = team.member("Bea", "bea@logout.test");

        assertThat(bea.post("/api/v1/me/logout", null).status()).isEqualTo(200);

        assertThat(bea.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void membersCannotUseAdminRoutes() {
        TeamFixture team = TestServer.newTeam(server, "Roles");
        ApiClient bea = team.member("Bea", "bea@roles.test");

        ApiClient.Response response = bea.post("/api/v1/team/members",
                new JsonObject().put("name", "Eve").put("email", "eve@roles.test"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().getString("error")).isEqualTo("forbidden");
        assertThat(bea.get("/api/v1/team/tokens").status()).isEqualTo(403);
    }

    @Test
    void anAdminCannotRevokeAnotherTeamsToken() {
        TeamFixture a = TestServer.newTeam(server, "Team A");
        TeamFixture b = TestServer.newTeam(server, "Team B");
        String bTokenId = b.admin().get("/api/v1/me").json().getString("tokenId");

        assertThat(a.admin().delete("/api/v1/team/tokens/" + bTokenId).status()).isEqualTo(404);
        assertThat(b.admin().get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsForOneTokenAreRefusedWith429() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer limited = TestServer.onSharedDatabase(c -> c.withRateLimitPerMinute(5))) {
            TeamFixture team = TestServer.newTeam(limited, "Limited");
            int last = 0;
            for (int i = 0; i < 6; i++) {
                last = team.admin().get("/api/v1/me").status();
            }
            assertThat(last).isEqualTo(429);
            assertThat(team.admin().get("/api/v1/me").json().getString("error")).isEqualTo("rate_limited");
        }
    }

    @Test
    void aTokensLimitHoldsForItsRequestsToAllServerProcessesTogether() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer one = TestServer.onSharedDatabase(c -> c.withRateLimitPerMinute(10));
             SeguitoServer two = TestServer.onSharedDatabase(c -> c.withRateLimitPerMinute(10))) {
            TeamFixture team = TestServer.newTeam(one, "Balanced");
            ApiClient viaOne = team.admin();
            ApiClient viaTwo = new ApiClient(two, viaOne.token());
            String key = "token:" + viaOne.get("/api/v1/me").json().getString("tokenId");
            for (int i = 0; i < 6; i++) {
                assertThat(viaOne.get("/api/v1/me").status()).isEqualTo(200);
            }
            assertThat(viaTwo.get("/api/v1/me").status()).isEqualTo(200);
            awaitCount(two, key, 8); // the second server has heard of the first one's 7

            assertThat(viaTwo.get("/api/v1/me").status()).as("the 9th request of the minute").isEqualTo(200);
            assertThat(viaTwo.get("/api/v1/me").status()).as("the 10th").isEqualTo(200);
            RawHttp.Answer eleventh = new RawHttp(two.port(), viaOne.token()).get("/api/v1/me");

            assertThat(eleventh.status()).as("the 11th, though the second server saw only 3").isEqualTo(429);
            assertThat(Integer.parseInt(eleventh.header("Retry-After"))).isBetween(1, 60);
        }
    }

    /**
     * Waits (up to 10 s) until {@code server} counts at least {@code expected} for {@code key} in this minute: the
     * class's own server may add a wrong code of an earlier test in the same minute to 127.0.0.1's count.
     */
    private static void awaitCount(SeguitoServer server, String key, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (server.services().windows().count(key) < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(key + " counted " + server.services().windows().count(key) + ", not " + expected);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void wrongPairingCodesGuessedThroughTwoServerProcessesAddUp() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer one = TestServer.onSharedDatabase(c -> c);
             SeguitoServer two = TestServer.onSharedDatabase(c -> c)) {
            TeamFixture team = TestServer.newTeam(one, "Guessing twice");
            String code = team.admin().post("/api/v1/team/members", new JsonObject().put("name", "Gus")
                    .put("email", "gus@guessing-twice.test")).json().getString("pairingCode");
            for (int i = 0; i < PairingThrottle.WRONG_CODES_PER_ADDRESS - 1; i++) {
                assertThat(ApiClient.anonymous(one).post("/api/v1/pair", new JsonObject().put("code", "ZZZZ-ZZZ" + (char) ('A' + i)))
                        .status()).isEqualTo(401);
            }
            assertThat(ApiClient.anonymous(two).post("/api/v1/pair", new JsonObject().put("code", "ZZZZ-ZZZZ"))
                    .status()).isEqualTo(401);
            awaitCount(two, "pair:127.0.0.1", PairingThrottle.WRONG_CODES_PER_ADDRESS);

            assertThat(ApiClient.anonymous(two).post("/api/v1/pair", new JsonObject().put("code", code)).status())
                    .as("held back on the second server too, which saw one wrong code").isEqualTo(429);
        }
    }

    /** The windows are the clock's minutes: a test counting to a limit starts early enough in one to finish in it. */
    private static void awaitRoomInThisMinute() throws InterruptedException {
        int second = java.time.LocalTime.now().getSecond();
        if (second > 40) {
            Thread.sleep((61 - second) * 1000L);
        }
    }

    @Test
    void wrongPairingCodesFromOneAddressAreHeldBackWithoutUsingUpAGoodCode() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer guarded = TestServer.onSharedDatabase(c -> c)) {
            TeamFixture team = TestServer.newTeam(guarded, "Guessing");
            String code = team.admin().post("/api/v1/team/members", new JsonObject().put("name", "Gus")
                    .put("email", "gus@guessing.test")).json().getString("pairingCode");
            ApiClient anonymous = ApiClient.anonymous(guarded);
            for (int i = 0; i < PairingThrottle.WRONG_CODES_PER_ADDRESS; i++) {
                assertThat(anonymous.post("/api/v1/pair", new JsonObject().put("code", "ZZZZ-ZZZ" + (char) ('A' + i)))
                        .status()).isEqualTo(401);
            }

            RawHttp.Answer held = new RawHttp(guarded.port(), null).send("POST", "/api/v1/pair",
                    new JsonObject().put("code", code).encode().getBytes(StandardCharsets.UTF_8), "application/json");

            assertThat(held.status()).isEqualTo(429);
            assertThat(Integer.parseInt(held.header("Retry-After"))).as("the seconds left in this minute").isBetween(1, 60);
            assertThat(held.json().getString("message")).contains("wrong pairing codes");
            assertThat(team.admin().get("/api/v1/me").status()).as("members with tokens are not held back").isEqualTo(200);
            // the good code was not looked at: once the guesses are forgotten (the next minute), it still pairs
            TestDatabase.forgetRequestCounts();
            try (SeguitoServer other = TestServer.onSharedDatabase(c -> c)) {
                assertThat(ApiClient.anonymous(other).post("/api/v1/pair", new JsonObject().put("code", code)).status())
                        .isEqualTo(201);
            }
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotSpreadTheCount() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer guarded = TestServer.onSharedDatabase(c -> c)) {
            ApiClient anonymous = ApiClient.anonymous(guarded);
            for (int i = 0; i < PairingThrottle.WRONG_CODES_PER_ADDRESS; i++) {
                assertThat(pairFrom(anonymous, "203.0.113." + i).status()).isEqualTo(401);
            }

            assertThat(pairFrom(anonymous, "203.0.113.99").status()).as("a new forwarded address is not a new client")
                    .isEqualTo(429);
        }
    }

    @Test
    void behindATrustedProxyEachClientIsCountedOnItsOwn() throws Exception {
        awaitRoomInThisMinute();
        try (SeguitoServer proxied = TestServer.onSharedDatabase(c -> c.withTrustedProxies(java.util.Set.of("127.0.0.1")))) {
            ApiClient proxy = ApiClient.anonymous(proxied);
            for (int i = 0; i < PairingThrottle.WRONG_CODES_PER_ADDRESS; i++) {
                // what the client wrote to the left of the proxy's entry does not count
                assertThat(pairFrom(proxy, "10.9.9." + i + ", 198.51.100.7").status()).isEqualTo(401);
            }

            assertThat(pairFrom(proxy, "198.51.100.7").status()).isEqualTo(429);
            assertThat(pairFrom(proxy, "198.51.100.8").status()).as("another client behind the same proxy").isEqualTo(401);
        }
    }

    private static ApiClient.Response pairFrom(ApiClient client, String forwardedFor) {
        return client.send(io.vertx.core.http.HttpMethod.POST, "/api/v1/pair",
                io.vertx.core.buffer.Buffer.buffer(new JsonObject().put("code", "WXYZ-WXYZ").encode()),
                java.util.Map.of("Content-Type", "application/json", "X-Forwarded-For", forwardedFor));
    }
}
