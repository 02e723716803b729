package dev.seguito.team;

import dev.seguito.SeguitoServer;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.RawHttp;
import dev.seguito.testing.RunningServer;
import dev.seguito.testing.TestServer;
import dev.seguito.testing.TestServer.TeamFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest {

    @RunningServer
    private static SeguitoServer server;

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
        TeamFixture team = TestServer.newTeam(server, "Pairing");
        String code = team.admin().post("/api/v1/team/members", new JsonObject().put("name", "Bea")
                .put("email", "bea@pairing.test")).json().getString("pairingCode");
        ApiClient anonymous = ApiClient.anonymous(server);

        ApiClient.Response first = anonymous.post("/api/v1/pair", new JsonObject().put("code", code.toLowerCase()));
        ApiClient.Response second = anonymous.post("/api/v1/pair", new JsonObject().put("code", code));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().getJsonObject("member").getString("name")).isEqualTo("Bea");
        assertThat(first.json().getJsonObject("team").getString("id")).isEqualTo(team.teamId().toString());
        assertThat(second.status()).isEqualTo(401);
        assertThat(second.json().getString("message")).contains("already used");
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
    void tooManyRequestsForOneTokenAreRefusedWith429() {
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
    void wrongPairingCodesFromOneAddressAreHeldBackWithoutUsingUpAGoodCode() {
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
            assertThat(held.header("Retry-After")).isEqualTo("60");
            assertThat(held.json().getString("message")).contains("wrong pairing codes");
            assertThat(team.admin().get("/api/v1/me").status()).as("members with tokens are not held back").isEqualTo(200);
            // the good code was not looked at: another process (its own count) still pairs with it
            try (SeguitoServer other = TestServer.onSharedDatabase(c -> c)) {
                assertThat(ApiClient.anonymous(other).post("/api/v1/pair", new JsonObject().put("code", code)).status())
                        .isEqualTo(201);
            }
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerDoesNotSpreadTheCount() {
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
    void behindATrustedProxyEachClientIsCountedOnItsOwn() {
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
