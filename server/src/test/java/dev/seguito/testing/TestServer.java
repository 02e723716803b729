package dev.seguito.testing;

import dev.seguito.SeguitoServer;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.team.TeamService;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Starts real Seguito servers on free ports for tests, by default on the shared test database. */
public final class TestServer {

    private TestServer() {
    }

    public static SeguitoServer onSharedDatabase() {
        return onSharedDatabase(UnaryOperator.identity());
    }

    public static SeguitoServer onSharedDatabase(UnaryOperator<SeguitoConfig> tweak) {
        DatabaseLocation db = TestDatabase.shared();
        SeguitoConfig config = config(TestDatabase.tempDir("seguito-home"))
                .withDatabase(db.jdbcUrl(), db.user(), db.password());
        return SeguitoServer.start(tweak.apply(config));
    }

    public static SeguitoServer on(DatabaseLocation db, UnaryOperator<SeguitoConfig> tweak) {
        SeguitoConfig config = config(TestDatabase.tempDir("seguito-home")).withDatabase(db.jdbcUrl(), db.user(), db.password());
        return SeguitoServer.start(tweak.apply(config));
    }

    /** A server with its own embedded database in {@code home}, as a user's first command runs it. */
    public static SeguitoServer embedded(Path home) {
        return SeguitoServer.start(config(home));
    }

    public static SeguitoConfig config(Path home) {
        return SeguitoConfig.load(Map.of("SEGUITO_HOME", home.toString(), "SEGUITO_HTTP_PORT", "0",
                "SEGUITO_HTTP_HOST", "127.0.0.1"));
    }

    /** A fresh team with a paired admin; {@link TeamFixture#member} adds paired members. */
    public static TeamFixture newTeam(SeguitoServer server, String name) {
        TeamService teams = server.services().teams();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamService.NewMember admin = teams.createTeam(name, name + " Admin", "admin-" + suffix + "@" + slug(name) + ".test").await();
        TeamService.Paired paired = teams.pair(admin.pairingCode(), "test").await();
        return new TeamFixture(server, paired.member().teamId(), new ApiClient(server, paired.token()), paired.member());
    }

    private static String slug(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    /** A team created for one test, with its admin's API client. */
    public record TeamFixture(SeguitoServer server, UUID teamId, ApiClient admin, dev.seguito.team.Member adminMember) {

        public ApiClient member(String name, String email) {
            ApiClient.Response created = admin.post("/api/v1/team/members",
                    new JsonObject().put("name", name).put("email", email).put("role", "member"));
            if (created.status() != 201) {
                throw new IllegalStateException("could not add member: " + created.body());
            }
            String code = created.json().getString("pairingCode");
            ApiClient.Response paired = ApiClient.anonymous(server).post("/api/v1/pair", new JsonObject().put("code", code));
            return new ApiClient(server, paired.json().getString("token"));
        }
    }
}
