package dev.seguito.touch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.json.JsonObject;

/**
 * Team policies as stored (JSON in {@code team.policy}), parsed once per distinct document: recomputing a large team
 * must not re-validate the same policy for every contact.
 */
final class TeamPolicies {

    private static final Cache<String, TeamPolicy> PARSED = Caffeine.newBuilder().maximumSize(10_000).build();

    private TeamPolicies() {
    }

    static TeamPolicy parse(JsonObject stored) {
        JsonObject json = stored == null ? new JsonObject() : stored;
        return PARSED.get(json.encode(), k -> TeamPolicy.fromJson(json));
    }
}
