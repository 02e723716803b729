package dev.seguito.team;

import dev.seguito.api.ApiError;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** The authenticated caller: a team member acting through one token. Every query is scoped by {@link #teamId}. */
public record Member(UUID id, UUID teamId, String teamName, String name, String email, String role, UUID tokenId) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    /** Stops a member's request to an admin-only operation with 403 and {@code message}. */
    public void requireAdmin(String message) {
        if (!isAdmin()) {
            throw ApiError.forbidden(message);
        }
    }

    public JsonObject toJson() {
        return new JsonObject().put("id", id.toString()).put("name", name).put("email", email).put("role", role);
    }
}
