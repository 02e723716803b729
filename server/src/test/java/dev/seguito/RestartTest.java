package dev.seguito;

import dev.seguito.testing.ApiClient;
import dev.seguito.testing.TestDatabase;
import dev.seguito.testing.TestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {

    @Test
    void contactsAndTokensSurviveARestartOfServerAndEmbeddedDatabase() throws Exception {
        Path home = TestDatabase.tempDir("seguito-restart");
        String token;
        String contactId;
        try (SeguitoServer first = TestServer.embedded(home)) {
            String code = Files.readString(home.resolve("admin-pairing-code.txt")).trim();
            token = ApiClient.anonymous(first).post("/api/v1/pair", new JsonObject().put("code", code)).json().getString("token");
            String teamId = new ApiClient(first, token).get("/api/v1/me").json().getJsonObject("team").getString("id");
            contactId = dev.seguito.testing.SeedContacts.person(first.pool(), java.util.UUID.fromString(teamId),
                    "Rita Gialli", "rita-gialli", null).toString();
            assertThat(new ApiClient(first, token).post("/api/v1/contacts/" + contactId + "/interactions",
                    new JsonObject().put("type", "meeting")).status()).isEqualTo(201);
        }

        try (SeguitoServer second = TestServer.embedded(home)) {
            ApiClient client = new ApiClient(second, token);
            assertThat(client.get("/api/v1/contacts/" + contactId).json().getString("displayName")).isEqualTo("Rita Gialli");
            assertThat(client.get("/api/v1/contacts/" + contactId + "/timeline").items()).hasSize(1);
            assertThat(Files.readString(home.resolve("admin-pairing-code.txt")).trim()).isNotEmpty();
        }
    }
}
