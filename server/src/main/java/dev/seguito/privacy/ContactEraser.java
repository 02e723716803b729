package dev.seguito.privacy;

import dev.seguito.api.ApiError;
import dev.seguito.db.Sequential;
import dev.seguito.db.Transactions;
import dev.seguito.sync.Outbox;
import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import dev.seguito.team.TeamSettings;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Erases one contact, in one transaction, everywhere the server keeps something about them: the person row, the
 * records merged into it, their addresses (and the address rows nobody else uses), their interactions (an event that
 * involves no other contact is deleted), provenance, next touch, marks, duplicate questions, job changes, employment,
 * and the raw captures that carried them. What stays: the bare {@code party} row with status {@code DELETED} (an id
 * and a team, so the CRM connector can map its {@code CONTACT_DELETE}), an audit entry without personal data, and the
 * capture rows as tombstones (key and hash only), so that a late retry of the same capture does not bring the person
 * back.
 */
public final class ContactEraser {

    /** A capture whose contact was erased: no raw page, no stored answer. A retry of its key answers 410. */
    public static final String ERASED = "erased";

    private final Pool pool;
    private final Consumer<List<UUID>> forgetCards;

    /** @param forgetCards drops this process's kept cards of the erased people (no personal data left in memory) */
    public ContactEraser(Pool pool, Consumer<List<UUID>> forgetCards) {
        this.pool = pool;
        this.forgetCards = forgetCards;
    }

    /** What was removed, counted (for the audit entry and the tests). */
    public record Erased(int records, int addresses, int interactions, int captures) {
        JsonObject toJson() {
            return new JsonObject().put("records", records).put("addresses", addresses)
                    .put("interactions", interactions).put("captures", captures);
        }
    }

    public Future<Erased> erase(Member member, UUID partyId) {
        return Transactions.withRetry(pool, tx -> TeamSettings.requireErasureAllowed(tx, member)
                        .compose(v -> lock(tx, member.teamId(), partyId))
                        .compose(v -> withMerged(tx, member.teamId(), partyId))
                        .compose(ids -> eraseAll(tx, member, partyId, ids.toArray(UUID[]::new))
                                .map(erased -> new Done(ids, erased))))
                .map(done -> {
                    forgetCards.accept(done.ids());
                    return done.erased();
                });
    }

    /** What one attempt erased, and who: each attempt answers its own, so a retried one carries nothing over. */
    private record Done(List<UUID> ids, Erased erased) {
    }

    private static Future<Void> lock(SqlConnection tx, UUID teamId, UUID partyId) {
        return tx.preparedQuery("""
                        select id from party where id = $1 and team_id = $2 and status = 'ACTIVE' and party_type = 'PERSON'
                           for update""")
                .execute(Tuple.of(partyId, teamId))
                .compose(rows -> rows.size() == 1 ? Future.succeededFuture()
                        : Future.failedFuture(ApiError.notFound("No such contact in your team")));
    }

    /** The contact and every record that was merged into it (directly or through a chain of merges). */
    private static Future<List<UUID>> withMerged(SqlConnection tx, UUID teamId, UUID partyId) {
        return tx.preparedQuery("""
                        with recursive m(id) as (
                            select $1::uuid
                            union
                            select p.id from party p join m on p.merged_into = m.id where p.team_id = $2)
                        select id from m""")
                .execute(Tuple.of(partyId, teamId))
                .map(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    return ids;
                });
    }

    private static Future<Erased> eraseAll(SqlConnection tx, Member member, UUID partyId, UUID[] ids) {
        UUID team = member.teamId();
        int[] counts = new int[3];
        // captures that carried this person: the ones about them, and the ones whose values or messages reached them
        Future<Void> steps = tx.preparedQuery("""
                        update capture c set raw = null, response = null, page_url = null, parse_error = null,
                               primary_party_id = null, parse_status = 'erased', purged_at = coalesce(c.purged_at, now())
                         where c.team_id = $1
                           and (c.primary_party_id = any($2)
                                or c.id in (select fp.capture_id from field_provenance fp where fp.party_id = any($2))
                                or c.id in (select e.capture_id from communication_event e
                                              join communication_event_party ep on ep.event_id = e.id
                                             where ep.party_id = any($2)))""")
                .execute(Tuple.of(team, (Object) ids))
                .map(rows -> {
                    counts[2] = rows.rowCount();
                    return null;
                });
        steps = steps.compose(v -> tx.preparedQuery(
                        "delete from party_contact_mech where party_id = any($1) returning contact_mech_id")
                .execute(Tuple.of((Object) ids))
                .compose(rows -> {
                    UUID[] mechs = ids(rows);
                    return tx.preparedQuery("""
                                    delete from contact_mech cm where cm.id = any($1) and cm.team_id = $2
                                       and not exists (select 1 from party_contact_mech o where o.contact_mech_id = cm.id)""")
                            .execute(Tuple.of(mechs, team));
                })
                .map(rows -> {
                    counts[0] = rows.rowCount();
                    return null;
                }));
        steps = steps.compose(v -> tx.preparedQuery(
                        "delete from communication_event_party where party_id = any($1) returning event_id")
                .execute(Tuple.of((Object) ids))
                .compose(rows -> tx.preparedQuery("""
                                delete from communication_event e where e.id = any($1) and e.team_id = $2
                                   and not exists (select 1 from communication_event_party o where o.event_id = e.id)""")
                        .execute(Tuple.of(ids(rows), team)))
                .map(rows -> {
                    counts[1] = rows.rowCount();
                    return null;
                }));
        List<String> plain = List.of(
                "delete from field_provenance where party_id = any($1)",
                "delete from party_tag where party_id = any($1)",
                "delete from next_touch where party_id = any($1)",
                "delete from touch_mark where party_id = any($1)",
                "delete from possible_duplicate where party_id_a = any($1) or party_id_b = any($1)",
                "delete from job_change where party_id = any($1)",
                "delete from party_relationship where party_id_to = any($1) or party_id_from = any($1)",
                "delete from person where party_id = any($1)",
                // a typed entry keeps only its key, so that a late retry of it answers 410 instead of adding them again
                "update contact_entry set payload_hash = null, meeting_id = null where party_id = any($1)",
                "update party set status = 'DELETED', merged_into = null, fit_score = null, updated_at = now() where id = any($1)");
        steps = steps.compose(v -> Sequential.each(plain, sql -> tx.preparedQuery(sql).execute(Tuple.of((Object) ids))));
        return steps.compose(v -> {
            Erased erased = new Erased(ids.length, counts[0], counts[1], counts[2]);
            return Outbox.append(tx, team, partyId, "CONTACT_DELETE",
                            new JsonObject().put("partyId", partyId.toString()).put("reason", "erasure"))
                    .compose(x -> AuditLog.record(tx, member, "contact.deleted",
                            erased.toJson().put("partyId", partyId.toString())))
                    .compose(x -> TeamEvents.publish(tx, team, partyId, "deleted", member.name()))
                    .map(erased);
        });
    }

    private static UUID[] ids(io.vertx.sqlclient.RowSet<Row> rows) {
        List<UUID> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.getUUID(0)));
        return out.stream().distinct().toArray(UUID[]::new);
    }
}
