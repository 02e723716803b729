package dev.seguito.identity;

import dev.seguito.api.ApiError;
import dev.seguito.db.Sequential;
import dev.seguito.db.Transactions;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.sync.Outbox;
import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A person's answer to "possible duplicate": confirm merges the second record into the first (its addresses,
 * timeline, history and provenance move; gaps in the survivor are filled, nothing it holds is overwritten), reject
 * records that they are different people so the question is not asked again.
 */
public final class DuplicateService {

    /** Each statement takes $1 = survivor, $2 = merged; those about the merged record alone take it as $1. */
    private static final List<String> MERGE = List.of(
            """
            insert into party_contact_mech (team_id, party_id, contact_mech_id, purpose, from_date, thru_date, end_reason, ended_by)
            select team_id, $1, contact_mech_id, purpose, from_date, thru_date, end_reason, ended_by
              from party_contact_mech where party_id = $2
            on conflict do nothing""",
            mergedOnly("delete from party_contact_mech where party_id = $1"),
            """
            insert into communication_event_party (event_id, party_id, team_id, role)
            select event_id, $1, team_id, role from communication_event_party where party_id = $2
            on conflict do nothing""",
            mergedOnly("delete from communication_event_party where party_id = $1"),
            """
            insert into party_tag (team_id, party_id, tag, tag_key, added_by, added_at)
            select team_id, $1, tag, tag_key, added_by, added_at from party_tag where party_id = $2
            on conflict do nothing""",
            mergedOnly("delete from party_tag where party_id = $1"),
            """
            insert into field_provenance (team_id, party_id, field, value, replaced_value, source, capture_id, member_id, observed_at)
            select team_id, $1, field, value, replaced_value, source, capture_id, member_id, observed_at
              from field_provenance where party_id = $2
            on conflict do nothing""",
            """
            update party_relationship set thru_date = now()
             where party_id_to = $2 and thru_date is null
               and exists (select 1 from party_relationship s where s.party_id_to = $1 and s.thru_date is null)""",
            "update party_relationship set party_id_to = $1 where party_id_to = $2",
            "update job_change set party_id = $1 where party_id = $2",
            "update touch_mark set party_id = $1 where party_id = $2",
            mergedOnly("delete from next_touch where party_id = $1"),
            """
            update person s set first_name = coalesce(s.first_name, o.first_name), last_name = coalesce(s.last_name, o.last_name),
                   headline = coalesce(s.headline, o.headline), title = coalesce(s.title, o.title),
                   location = coalesce(s.location, o.location), about = coalesce(s.about, o.about),
                   photo_url = coalesce(s.photo_url, o.photo_url), connection_degree = coalesce(s.connection_degree, o.connection_degree)
              from person o where s.party_id = $1 and o.party_id = $2""",
            mergedOnly("update person set linkedin_slug = null where party_id = $1"),
            "update party set status = 'MERGED', merged_into = $1, updated_at = now() where id = $2",
            "update party set updated_at = now() where id = $1 and id <> $2");

    private static final String MERGED_ONLY = "-- merged only\n";

    /** The identity keys of two people as {@link IdentityResolver#lockedKeys} names them: kind, value (and company). */
    private static final String IDENTITY_KEYS = """
            select 'linkedin' as kind, linkedin_slug as value, null as company
              from person where party_id in ($1, $2) and team_id = $3 and linkedin_slug is not null
            union all
            select case cm.contact_mech_type when 'EMAIL_ADDRESS' then 'email' else 'phone' end, cm.info_string, null
              from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
             where pcm.party_id in ($1, $2) and pcm.team_id = $3 and pcm.thru_date is null
               and cm.contact_mech_type in ('EMAIL_ADDRESS', 'TELECOM_NUMBER')
            union all
            select 'name', pe.full_name, e.company
              from person pe cross join lateral current_employer_facts(pe.party_id) e
             where pe.party_id in ($1, $2) and pe.team_id = $3 and pe.full_name is not null""";

    private final Pool pool;
    private final BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange;

    public DuplicateService(Pool pool, BiFunction<SqlConnection, ContactRef, Future<Void>> afterChange) {
        this.pool = pool;
        this.afterChange = afterChange;
    }

    public Future<Void> confirm(Member member, UUID survivor, UUID merged) {
        if (survivor.equals(merged)) {
            throw ApiError.badRequest("A contact cannot be merged into itself");
        }
        return Transactions.withRetry(pool, tx -> lockIdentities(tx, member.teamId(), survivor, merged)
                        .compose(v -> lockBoth(tx, member, survivor, merged))
                        .compose(v -> slugOf(tx, merged))
                        .compose(slug -> Sequential.each(MERGE, sql -> tx.preparedQuery(sql.replace(MERGED_ONLY, ""))
                                        .execute(sql.startsWith(MERGED_ONLY) ? Tuple.of(merged) : Tuple.of(survivor, merged)))
                                .compose(v -> slug == null ? Future.succeededFuture() : tx.preparedQuery(
                                        "update person set linkedin_slug = coalesce(linkedin_slug, $2) where party_id = $1")
                                        .execute(Tuple.of(survivor, slug))))
                        .compose(v -> decide(tx, member, survivor, merged, "confirmed"))
                        .compose(v -> Outbox.append(tx, member.teamId(), merged, "CONTACT_DELETE",
                                new JsonObject().put("partyId", merged.toString()).put("mergedInto", survivor.toString())))
                        .compose(v -> Outbox.append(tx, member.teamId(), survivor, "CONTACT_UPSERT",
                                new JsonObject().put("partyId", survivor.toString())))
                        .compose(v -> afterChange.apply(tx, new ContactRef(member.teamId(), survivor)))
                        .compose(v -> AuditLog.record(tx, member, "contact.merged",
                                new JsonObject().put("survivor", survivor.toString()).put("merged", merged.toString())))
                        .compose(v -> TeamEvents.publish(tx, member.teamId(), survivor, "merged", member.name()))
                        .compose(v -> TeamEvents.publish(tx, member.teamId(), merged, "merged", member.name())));
    }

    private static String mergedOnly(String sql) {
        return MERGED_ONLY + sql;
    }

    public Future<Void> reject(Member member, UUID a, UUID b) {
        return Transactions.withRetry(pool, tx -> lockBoth(tx, member, a, b)
                .compose(v -> decide(tx, member, a, b, "rejected"))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), a, "updated", member.name())));
    }

    /**
     * Takes the identity locks a capture of either person takes ({@link IdentityResolver#lockedKeys}) before the
     * merge locks any row. A capture that matched one of them is then finished before the merge starts, and one that
     * comes later waits and finds the merged record. Without them, the capture's card-version triggers and the merge's
     * row locks met in opposite orders: a deadlock, resolved only after PostgreSQL's one-second timeout.
     */
    private static Future<Void> lockIdentities(SqlConnection tx, UUID teamId, UUID a, UUID b) {
        return tx.preparedQuery(IDENTITY_KEYS).execute(Tuple.of(a, b, teamId)).compose(rows -> {
            Set<String> names = new TreeSet<>();
            for (Row r : rows) {
                String kind = r.getString("kind");
                String value = switch (kind) {
                    case "email" -> IdentityKeys.email(r.getString("value"));
                    case "name" -> IdentityResolver.nameAtCompany(r.getString("value"), r.getString("company"));
                    default -> r.getString("value");
                };
                names.add(IdentityResolver.lockName(teamId, kind, value));
            }
            return IdentityResolver.lockAll(tx, names);
        });
    }

    private static Future<Void> lockBoth(SqlConnection tx, Member member, UUID a, UUID b) {
        return tx.preparedQuery("""
                        select id from party where id in ($1, $2) and team_id = $3 and status = 'ACTIVE'
                           and party_type = 'PERSON' order by id for update""")
                .execute(Tuple.of(a, b, member.teamId()))
                .compose(rows -> rows.size() == 2 ? Future.succeededFuture()
                        : Future.failedFuture(ApiError.notFound("Both contacts must exist in your team")));
    }

    private static Future<String> slugOf(SqlConnection tx, UUID party) {
        return tx.preparedQuery("select linkedin_slug from person where party_id = $1").execute(Tuple.of(party))
                .map(rows -> rows.iterator().next().getString(0));
    }

    private static Future<Void> decide(SqlConnection tx, Member member, UUID a, UUID b, String status) {
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        return tx.preparedQuery("""
                        insert into possible_duplicate (team_id, party_id_a, party_id_b, reason, status, decided_by)
                        values ($1, $2, $3, 'Decided by a team member', $4, $5)
                        on conflict (party_id_a, party_id_b) do update set status = excluded.status, decided_by = excluded.decided_by""")
                .execute(Tuple.of(member.teamId(), first, second, status, member.id())).mapEmpty();
    }
}
