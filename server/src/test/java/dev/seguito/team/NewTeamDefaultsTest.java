package dev.seguito.team;

import dev.seguito.team.TeamSettings.ContactErasure;
import dev.seguito.testing.TestPool;
import dev.seguito.touch.TeamPolicy;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A team created or set up by the admin install starts with the install's defaults (plugin-descriptor.xml); the
 * first start's team is inserted by the same statement.
 */
class NewTeamDefaultsTest {

    private static TestPool sql;
    private static TeamService teams;

    @BeforeAll
    static void start() {
        sql = TestPool.onSharedDatabase();
        teams = new TeamService(sql.pool(), new TokenHasher("test-secret"), Duration.ofDays(1), Duration.ofHours(1),
                new NewTeamDefaults(TeamPolicy.defaults().toJson(), ContactErasure.ADMINS));
    }

    @AfterAll
    static void stop() {
        sql.close();
    }

    @Test
    void aTeamCreatedOrInstalledStartsWithTheDescriptorsErasureRuleAndPolicy() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Member created = teams.createTeam("Created " + suffix, "Ada", "ada-" + suffix + "@defaults.test").await().member();
        Member installed = teams.ensureTeam("Installed " + suffix, "Bea", "bea-" + suffix + "@defaults.test").await().member();

        for (Member admin : new Member[]{created, installed}) {
            assertThat(new TeamSettings(sql.pool()).read(admin).await().getString("contactErasure")).isEqualTo("admins");
            String policy = sql.pool().preparedQuery("select policy from team where id = $1")
                    .execute(Tuple.of(admin.teamId())).await().iterator().next().getValue(0).toString();
            assertThat(TeamPolicy.fromJson(new JsonObject(policy))).isEqualTo(TeamPolicy.defaults());
        }
    }
}
