package dev.seguito.plugin;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.db.DatabaseLocation;
import dev.seguito.testing.ApiClient;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminInstallTest {

    private static final Pattern CODE = Pattern.compile("([A-Z2-9]{4}-[A-Z2-9]{4})  (.+)");

    private static String install(SeguitoConfig config, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AdminInstall.run(config, AdminInstall.Options.parse(args), new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String codeFor(String output, String who) {
        Matcher m = CODE.matcher(output);
        while (m.find()) {
            if (m.group(2).contains(who)) {
                return m.group(1);
            }
        }
        throw new AssertionError("no pairing code for " + who + " in:\n" + output);
    }

    @Test
    void installCreatesTheTeamAndPrintsWorkingPairingCodesAndIsSafeToRunAgain() {
        DatabaseLocation db = TestDatabase.shared();
        SeguitoConfig config = TestServer.config(TestDatabase.tempDir("install")).withDatabase(db.jdbcUrl(), db.user(), db.password());
        String team = "Install " + UUID.randomUUID();
        String[] args = {"install", "--team", team, "--admin-name", "Ada Admin", "--admin-email", "ada@install.test",
                "--member", "Bruno Bianchi <bruno@install.test>"};

        String first = install(config, args);
        String second = install(config, args);

        assertThat(first).contains("Plugin descriptor seguito", "CRM connector \"embedded\"", "Team \"" + team + "\" ready");
        assertThat(codeFor(second, "Ada Admin")).isNotEqualTo(codeFor(first, "Ada Admin"));
        try (var server = TestServer.onSharedDatabase()) {
            ApiClient anonymous = ApiClient.anonymous(server);
            JsonObject ada = anonymous.post("/api/v1/pair", new JsonObject().put("code", codeFor(second, "Ada Admin"))).json();
            assertThat(ada.getJsonObject("member").getString("role")).isEqualTo("admin");
            assertThat(ada.getJsonObject("team").getString("name")).isEqualTo(team);
            ApiClient admin = new ApiClient(server, ada.getString("token"));
            assertThat(admin.get("/api/v1/team/members").items()).hasSize(2);
            JsonObject bruno = anonymous.post("/api/v1/pair", new JsonObject().put("code", codeFor(first, "Bruno"))).json();
            assertThat(bruno.getJsonObject("team").getString("id")).isEqualTo(ada.getJsonObject("team").getString("id"));
        }
    }

    @Test
    void missingOptionsAreExplained() {
        assertThatThrownBy(() -> AdminInstall.Options.parse(new String[]{"install", "--team", "X"}))
                .hasMessageContaining("--admin-email");
        assertThatThrownBy(() -> AdminInstall.Options.parse(new String[]{"install", "--team", "X", "--admin-email",
                "a@b.c", "--member", "no email"})).hasMessageContaining("Name <email>");
    }
}
