package dev.seguito.team;

import dev.seguito.api.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Locale;
import java.util.UUID;

/**
 * The team's own rules about who may do what, beside the next-touch policy. Today one: who may erase a contact
 * everywhere. Erasure also deletes the person from the CRM and cannot be undone, so a team that lets every member
 * capture may still want only its admins to erase (docs/privacy.md).
 */
public final class TeamSettings {

    /** Who may erase a contact everywhere. */
    public enum ContactErasure {
        MEMBERS, ADMINS;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static ContactErasure of(String key) {
            for (ContactErasure erasure : values()) {
                if (erasure.key().equals(key)) {
                    return erasure;
                }
            }
            throw ApiError.badRequest("contactErasure must be \"members\" or \"admins\"");
        }

        public boolean allows(Member member) {
            return this == MEMBERS || member.isAdmin();
        }
    }

    private final Pool pool;

    public TeamSettings(Pool pool) {
        this.pool = pool;
    }

    /** Who may erase in the caller's team, read in the caller's transaction so that a change applies at once. */
    public static Future<ContactErasure> contactErasure(SqlClient client, UUID teamId) {
        return client.preparedQuery("select contact_erasure from team where id = $1")
                .execute(Tuple.of(teamId))
                .map(rows -> ContactErasure.of(rows.iterator().next().getString(0)));
    }

    /** Stops the erasure with 403 when the team keeps it for admins and {@code member} is not one. */
    public static Future<Void> requireErasureAllowed(SqlClient client, Member member) {
        return contactErasure(client, member.teamId()).compose(erasure -> erasure.allows(member) ? Future.succeededFuture()
                : Future.failedFuture(ApiError.forbidden(
                        "In your team only admins delete contacts everywhere; ask one of them to do it")));
    }

    /** The settings as every member sees them, with what the caller may do under them. */
    public Future<JsonObject> read(Member member) {
        return contactErasure(pool, member.teamId()).map(erasure -> toJson(erasure, member));
    }

    /** Changes the settings named in {@code changes} (admins only; audited); absent names keep their value. */
    public Future<JsonObject> change(Member admin, JsonObject changes) {
        admin.requireAdmin(TeamService.ADMINS_ONLY);
        Object requested = changes.getValue("contactErasure");
        if (requested == null) {
            return read(admin);
        }
        // a number or an object is refused by the same check as an unknown word
        ContactErasure erasure = ContactErasure.of(String.valueOf(requested));
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                update team set contact_erasure = $2 where id = $1
                                returning (select contact_erasure from team where id = $1) as before""")
                        .execute(Tuple.of(admin.teamId(), erasure.key()))
                        .compose(rows -> AuditLog.record(tx, admin, "team.settings.changed", new JsonObject()
                                .put("contactErasure", erasure.key())
                                .put("before", rows.iterator().next().getString("before"))))
                        .compose(v -> TeamEvents.publishTeamChange(tx, admin.teamId(), "settings", admin.name())))
                .map(v -> toJson(erasure, admin));
    }

    private static JsonObject toJson(ContactErasure erasure, Member member) {
        return new JsonObject().put("contactErasure", erasure.key()).put("mayEraseContacts", erasure.allows(member));
    }
}
