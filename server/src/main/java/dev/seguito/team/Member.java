package dev.seguito.team;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** The authenticated caller: a team member acting through one token. Every query is scoped by {@link #teamId}. */
public record Member(UUID id, UUID teamId, String teamName, String name, String email, String role, UUID tokenId) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id.toString()).put("name", name).put("email", email).put("role", role);
    }
}
