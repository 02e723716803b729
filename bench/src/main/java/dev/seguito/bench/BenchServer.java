package dev.seguito.bench;

import dev.seguito.SeguitoServer;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.team.TeamService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;

/**
 * Starts a real Seguito server through its public API on a benchmark database, on 127.0.0.1 and a free port. The
 * per-token rate limit is lifted (a load generator is one token); everything else is the production default.
 */
public final class BenchServer {

    private BenchServer() {
    }

    public static SeguitoServer start(DatabaseLocation db) {
        try {
            String home = Files.createTempDirectory("seguito-bench-home").toString();
            SeguitoConfig config = SeguitoConfig.load(Map.of("SEGUITO_HOME", home, "SEGUITO_HTTP_PORT", "0",
                            "SEGUITO_HTTP_HOST", "127.0.0.1"))
                    .withDatabase(db.jdbcUrl(), db.user(), db.password())
                    .withRateLimitPerMinute(Integer.MAX_VALUE);
            return SeguitoServer.start(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new team with a paired admin, as an extension would have it after pairing. */
    public static Team newTeam(SeguitoServer server, String name) {
        TeamService teams = server.services().teams();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TeamService.NewMember admin = teams.createTeam(name, name + " Admin", "admin-" + suffix + "@bench.test").await();
        TeamService.Paired paired = teams.pair(admin.pairingCode(), "bench").await();
        return new Team(paired.member().teamId(), paired.member().id(), paired.token());
    }

    /** A team, its admin member and that member's bearer token. */
    public record Team(UUID id, UUID memberId, String token) {
    }
}
