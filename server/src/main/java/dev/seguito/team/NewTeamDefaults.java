package dev.seguito.team;

import dev.seguito.team.TeamSettings.ContactErasure;
import io.vertx.core.json.JsonObject;

/**
 * What every new team starts with, from {@code plugin-descriptor.xml}: the next-touch policy and the team settings.
 * The CRM admin decides them once at install; each team's admins change their own copy afterwards.
 */
public record NewTeamDefaults(JsonObject policy, ContactErasure contactErasure) {
}
