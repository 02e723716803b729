package dev.seguito.touch;

import dev.seguito.api.ApiError;
import dev.seguito.db.Transactions;
import dev.seguito.interactions.InteractionService.ContactRef;
import dev.seguito.team.AuditLog;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps each contact's one current suggestion in {@code next_touch}. The pure {@link NextTouchEngine} decides; this
 * class loads its inputs and stores its answer, inside the transaction that changed the timeline, policy or marks,
 * so reads (the side panel, the agenda) never compute anything.
 */
public final class NextTouchService {

    /** The rule id of a "hold off" row (the frequency cap held every suggestion back). */
    public static final String FREQUENCY_CAP = dev.seguito.touch.rules.FrequencyCapRule.ID;

    private final Pool pool;

    public NextTouchService(Pool pool) {
        this.pool = pool;
    }

    /** Recomputes one contact's suggestion with the transaction's view of the data. */
    public Future<Void> recompute(SqlConnection tx, ContactRef ref) {
        return inputs(tx, ref.teamId(), ref.partyId()).compose(in -> {
            if (in == null) {
                return tx.preparedQuery(DELETE_NEXT_TOUCH).execute(Tuple.of(ref.partyId())).mapEmpty();
            }
            return store(tx, ref, decide(in, Instant.now()), in.fitScore());
        });
    }

    /**
     * Recomputes several contacts of one team inside the caller's transaction with three set-based reads (a capture
     * of a thread, an import batch); the same inputs and engine as {@link #recompute}.
     */
    public Future<Void> recomputeMany(SqlConnection tx, UUID teamId, List<UUID> partyIds) {
        if (partyIds.isEmpty()) {
            return Future.succeededFuture();
        }
        return new TeamRecompute(pool, teamId).batch(tx, partyIds);
    }

    /**
     * Recomputes every active contact of a team, e.g. after its policy changed; answers how many. Works in batches
     * of contacts with a handful of set-based statements per batch ({@link TeamRecompute}) instead of five round
     * trips per contact; the engine and its inputs are the same as {@link #recompute}'s.
     */
    public Future<Integer> recomputeTeam(UUID teamId) {
        return new TeamRecompute(pool, teamId).run();
    }

    /** The engine's choice, or a "hold off" row when only the frequency cap stands in the way. */
    static Optional<Suggestion> decide(Inputs in, Instant now) {
        Explanation explanation = NextTouchEngine.explainAll(in.facts(), in.interactions(), in.policy(), in.state(), now);
        return explanation.chosen().or(() -> heldBack(explanation, in.policy(), now));
    }

    /**
     * When the team-wide cap leaves nothing to suggest, the side panel must still say why and who: a "hold off" row,
     * kept out of the agenda, re-checked when the cap window has passed.
     */
    private static Optional<Suggestion> heldBack(Explanation explanation, TeamPolicy policy, Instant now) {
        return explanation.suppressionsBy(FREQUENCY_CAP).stream().filter(s -> s.touchedByMemberName() != null).findFirst()
                .map(s -> new Suggestion(FREQUENCY_CAP, "Hold off for now: a colleague touched them recently", Channel.ANY,
                        now.plus(java.time.Duration.ofDays(Math.max(1, policy.frequencyCapDays()))), 5, s.reason(),
                        s.candidateKey(), s.touchedByMemberName()));
    }

    /**
     * Contacts whose suggestion may have changed with time alone (a due date or a cap window passed): exactly the
     * rows of the partial index next_touch_recheck_idx (V12), so overdue suggestions already re-checked cost nothing.
     */
    public Future<Integer> recheckDue(int limit) {
        return Transactions.withRetry(pool, tx -> tx.preparedQuery("""
                        select party_id, team_id from next_touch
                         where due_at <= now() and computed_at < due_at
                         order by due_at limit $1 for update skip locked""")
                .execute(Tuple.of(limit))
                .compose(rows -> {
                    List<ContactRef> refs = new ArrayList<>();
                    rows.forEach(r -> refs.add(new ContactRef(r.getUUID("team_id"), r.getUUID("party_id"))));
                    return dev.seguito.db.Sequential.each(refs, ref -> recompute(tx, ref)).map(refs.size());
                }));
    }

    static final String UPDATE_FIT = "update party set fit_score = $2 where id = $1";
    static final String DELETE_NEXT_TOUCH = "delete from next_touch where party_id = $1";
    /** Suggestions of contacts of team $2, one array per column: one statement for one contact or a whole batch. */
    private static final String UPSERT_NEXT_TOUCHES = """
            insert into next_touch (party_id, team_id, rule_id, action, channel, due_at, priority, reason,
                                    evidence_key, touched_by, computed_at)
            select party_id, $2, rule_id, action, channel, due_at, priority, reason, evidence_key, touched_by, now()
              from unnest($1::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::int2[], $8::text[],
                          $9::text[], $10::text[])
                   as n(party_id, rule_id, action, channel, due_at, priority, reason, evidence_key, touched_by)
            on conflict (party_id) do update set rule_id = excluded.rule_id, action = excluded.action,
                channel = excluded.channel, due_at = excluded.due_at, priority = excluded.priority,
                reason = excluded.reason, evidence_key = excluded.evidence_key,
                touched_by = excluded.touched_by, computed_at = now()""";

    private static Future<Void> store(SqlConnection tx, ContactRef ref, Optional<Suggestion> suggestion, Double fit) {
        Future<Void> fitStored = tx.preparedQuery(UPDATE_FIT).execute(fitTuple(ref.partyId(), fit)).mapEmpty();
        if (suggestion.isEmpty()) {
            return fitStored.compose(v -> tx.preparedQuery(DELETE_NEXT_TOUCH)
                    .execute(Tuple.of(ref.partyId()))).mapEmpty();
        }
        return fitStored.compose(v -> upsert(tx, ref.teamId(), List.of(ref.partyId()), List.of(suggestion.get())));
    }

    /** Stores the suggestion of each contact (same order in both lists) of one team. */
    static Future<Void> upsert(SqlClient tx, UUID teamId, List<UUID> partyIds, List<Suggestion> suggestions) {
        int n = suggestions.size();
        String[] rule = new String[n], action = new String[n], channel = new String[n], reason = new String[n],
                evidence = new String[n], touchedBy = new String[n];
        OffsetDateTime[] due = new OffsetDateTime[n];
        Short[] priority = new Short[n];
        for (int i = 0; i < n; i++) {
            Suggestion s = suggestions.get(i);
            rule[i] = s.ruleId();
            action[i] = s.action();
            channel[i] = s.channel().name().toLowerCase();
            due[i] = OffsetDateTime.ofInstant(s.dueAt(), ZoneOffset.UTC);
            priority[i] = (short) s.priority();
            reason[i] = s.reason();
            evidence[i] = s.evidenceKey();
            touchedBy[i] = s.touchedByMemberName();
        }
        return tx.preparedQuery(UPSERT_NEXT_TOUCHES).execute(Tuple.from(new Object[]{partyIds.toArray(new UUID[0]),
                teamId, rule, action, channel, due, priority, reason, evidence, touchedBy})).mapEmpty();
    }

    static Tuple fitTuple(UUID partyId, Double fit) {
        return Tuple.of(partyId, fit == null ? null : fit.floatValue());
    }


    /** The contact facts behind a suggestion; {@code contactFilter} selects the contact(s) with $1, $2 is the team. */
    static String factsSql(String contactFilter) {
        return """
                select p.id, p.relationship_type, p.fit_score, pe.full_name, pe.title, pe.connection_degree, t.policy,
                       emp.company, emp.industry, emp.size_band,
                       (select coalesce(array_agg(pt.tag), '{}') from party_tag pt where pt.party_id = p.id) as tags,
                       (select json_build_object('old', j.old_company, 'new', j.new_company, 'at', j.detected_at)
                          from job_change j where j.party_id = p.id order by j.detected_at desc limit 1) as job,
                       (select coalesce(json_agg(cm.info_string), '[]'::json) from party_contact_mech pcm
                          join contact_mech cm on cm.id = pcm.contact_mech_id
                         where pcm.party_id = p.id and pcm.thru_date is null
                           and cm.contact_mech_type = 'EMAIL_ADDRESS' and not cm.valid) as bounced,
                       exists (select 1 from party_contact_mech pcm join contact_mech cm on cm.id = pcm.contact_mech_id
                                where pcm.party_id = p.id and pcm.thru_date is null
                                  and cm.contact_mech_type = 'EMAIL_ADDRESS' and cm.valid) as has_valid_email
                  from party p join person pe on pe.party_id = p.id join team t on t.id = p.team_id
                  left join lateral current_employer_facts(p.id) emp on true
                 where %s and p.team_id = $2 and p.status = 'ACTIVE'""".formatted(contactFilter);
    }

    private static final String FACTS = factsSql("p.id = $1");
    private static final String AGENDA = dev.seguito.db.Sql.load("agenda");
    private static final String AGENDA_TAGGED = dev.seguito.db.Sql.load("agenda_tagged");
    private static final String AGENDA_BROAD_TAG = dev.seguito.db.Sql.load("agenda_broad_tag");

    /** An inbound message on which the contact was only a recipient (To/Cc) is not from them: direction NONE. */
    static final String TIMELINE_COLUMNS = """
            e.id, e.event_type, e.started_at, e.member_id, m.name,
                   case when e.direction = 'INBOUND' and ep.role in ('TO', 'CC') then 'NONE' else e.direction end as direction
              from communication_event_party ep
              join communication_event e on e.id = ep.event_id
              left join team_member m on m.id = e.member_id""";

    static final String MARK_COLUMNS = "kind, rule_id, evidence_key, until, created_at from touch_mark";

    /** The three reads are sent together, as {@link TeamRecompute#batch} sends them; null when the contact is gone. */
    private static Future<Inputs> inputs(SqlClient tx, UUID teamId, UUID partyId) {
        Future<RowSet<Row>> facts = tx.preparedQuery(FACTS).execute(Tuple.of(partyId, teamId));
        Future<List<Interaction>> timeline = timeline(tx, partyId);
        Future<SuggestionState> marks = marks(tx, partyId);
        return Future.all(facts, timeline, marks).map(read -> {
            if (facts.result().size() == 0) {
                return null;
            }
            Row r = facts.result().iterator().next();
            TeamPolicy policy = TeamPolicies.parse((JsonObject) r.getValue("policy"));
            return inputs(r, policy, timeline.result(), marks.result());
        });
    }

    /** The engine's inputs from a facts row: shared by one-contact and whole-team recomputation. */
    static Inputs inputs(Row r, TeamPolicy policy, List<Interaction> interactions, SuggestionState state) {
        UUID partyId = r.getUUID("id");
        RelationshipType type = relationship(r.getString("relationship_type"));
        Double fit = type == RelationshipType.PROSPECT && policy.idealProfile() != IdealProfile.NONE
                ? FitScorer.score(new ProspectProfile(r.getString("title"), r.getString("company"), r.getString("industry"),
                        r.getString("size_band"), Set.copyOf(Arrays.asList(r.getArrayOfStrings("tags")))), policy.idealProfile())
                : null;
        JsonObject job = r.getValue("job") instanceof JsonObject j ? j : null;
        List<String> bounced = new ArrayList<>();
        ((JsonArray) r.getValue("bounced")).forEach(o -> bounced.add((String) o));
        Short degree = r.getShort("connection_degree");
        return new Inputs(
                new ContactFacts(partyId.toString(), type, null,
                        (degree != null && degree == 1) || interactions.stream().anyMatch(i -> i.type() == InteractionType.LINKEDIN_CONNECTION),
                        fit, job == null ? null : new JobChange(job.getString("old"), job.getString("new"),
                        OffsetDateTime.parse(job.getString("at")).toInstant()),
                        bounced, r.getBoolean("has_valid_email"), r.getString("full_name")),
                interactions, policy, state, fit);
    }

    private static Future<List<Interaction>> timeline(SqlClient tx, UUID partyId) {
        return tx.preparedQuery("select " + TIMELINE_COLUMNS + " where ep.party_id = $1 order by e.started_at")
                .execute(Tuple.of(partyId))
                .map(rows -> {
                    List<Interaction> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(interaction(r));
                    }
                    return list;
                });
    }

    static Interaction interaction(Row r) {
        return new Interaction(r.getUUID("id").toString(), InteractionType.valueOf(r.getString("event_type")),
                Direction.valueOf(r.getString("direction")), r.getOffsetDateTime("started_at").toInstant(),
                r.getUUID("member_id") == null ? null : r.getUUID("member_id").toString(), r.getString("name"));
    }

    private static Future<SuggestionState> marks(SqlClient tx, UUID partyId) {
        return tx.preparedQuery("select " + MARK_COLUMNS + " where party_id = $1 order by created_at")
                .execute(Tuple.of(partyId))
                .map(NextTouchService::state);
    }

    /** Marks in creation order → what the engine must respect. */
    static SuggestionState state(Iterable<Row> rows) {
        Set<String> dismissed = new HashSet<>();
        List<DoneMark> done = new ArrayList<>();
        Instant snoozedUntil = null;
        for (Row r : rows) {
            String key = r.getString("rule_id") + "/" + r.getString("evidence_key");
            switch (r.getString("kind")) {
                case "dismiss" -> dismissed.add(key);
                case "done" -> done.add(new DoneMark(key, r.getOffsetDateTime("created_at").toInstant()));
                default -> snoozedUntil = r.getOffsetDateTime("until").toInstant();
            }
        }
        return new SuggestionState(dismissed, snoozedUntil, done);
    }

    /**
     * "Why?" for one contact: every candidate the rules produced, every suppression with its reason, and the choice,
     * computed now from the stored timeline (read-only; the stored suggestion is not changed).
     */
    public Future<JsonObject> explain(Member member, UUID partyId) {
        return inputs(pool, member.teamId(), partyId).map(in -> {
            if (in == null) {
                throw ApiError.notFound("No such contact in your team");
            }
            Explanation e = NextTouchEngine.explainAll(in.facts(), in.interactions(), in.policy(), in.state(), Instant.now());
            JsonArray candidates = new JsonArray();
            e.candidates().forEach(c -> candidates.add(suggestionJson(c.suggestion()).put("kind", c.kind().name().toLowerCase())));
            JsonArray suppressions = new JsonArray();
            e.suppressions().forEach(s -> suppressions.add(new JsonObject().put("candidate", s.candidateKey()).put("by", s.by())
                    .put("effect", s.effect().name().toLowerCase()).put("reason", s.reason()).put("touchedBy", s.touchedByMemberName())));
            return new JsonObject().put("chosen", e.chosen().map(NextTouchService::suggestionJson).orElse(null))
                    .put("candidates", candidates).put("suppressions", suppressions);
        });
    }

    private static JsonObject suggestionJson(Suggestion s) {
        return new JsonObject().put("rule", s.ruleId()).put("action", s.action()).put("channel", s.channel().name().toLowerCase())
                .put("dueAt", s.dueAt().toString()).put("priority", s.priority()).put("reason", s.reason())
                .put("touchedBy", s.touchedByMemberName());
    }

    /** Records done / snooze / dismiss for the contact's current suggestion and recomputes. */
    public Future<Void> mark(Member member, UUID partyId, String kind, JsonObject body) {
        return Transactions.withRetry(pool, tx -> tx.preparedQuery("""
                        select n.rule_id, n.evidence_key from party p left join next_touch n on n.party_id = p.id
                         where p.id = $1 and p.team_id = $2 and p.status = 'ACTIVE'""")
                .execute(Tuple.of(partyId, member.teamId()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiError.notFound("No such contact in your team"));
                    }
                    Row current = rows.iterator().next();
                    if (current.getString("rule_id") == null) {
                        return Future.failedFuture(ApiError.conflict("This contact has no suggestion right now"));
                    }
                    OffsetDateTime until = "snooze".equals(kind) ? snoozeUntil(body) : null;
                    return tx.preparedQuery("""
                                    insert into touch_mark (id, team_id, party_id, kind, rule_id, evidence_key, until, member_id)
                                    values ($1, $2, $3, $4, $5, $6, $7, $8)""")
                            .execute(Tuple.from(new Object[]{UUID.randomUUID(), member.teamId(), partyId, kind,
                                    current.getString("rule_id"), current.getString("evidence_key"), until, member.id()}));
                })
                .compose(v -> recompute(tx, new ContactRef(member.teamId(), partyId)))
                .compose(v -> TeamEvents.publish(tx, member.teamId(), partyId, "next_touch", member.name())));
    }

    private static OffsetDateTime snoozeUntil(JsonObject body) {
        return OffsetDateTime.ofInstant(dev.seguito.api.Http.dateOrDateTime(body, "until"), ZoneOffset.UTC);
    }

    /** How far past the page the agenda counts: "1,050+" is all a person needs to know of a long list. */
    static final int COUNTED_PAST_THE_PAGE = 1_000;

    /**
     * From how many contacts a tag is broad: its agenda walks the team's suggestions in rank order
     * ({@code agenda_broad_tag.sql}) instead of looking up each tagged contact's ({@code agenda_tagged.sql}). Walking
     * costs about (limit + offset) × team / tagged rank rows, looking up one per tagged contact: they cost the same
     * near 2,000 tagged contacts of a 100,000-contact team (docs/benchmarks.md section 3).
     */
    public static final int BROAD_TAG = 2_000;
    private static final String TAG_SIZE = """
            select count(*) from (select 1 from party_tag where team_id = $1 and tag_key = $2 limit $3) as tagged""";

    /**
     * The team's suggestions due up to the end of today or of this week, most urgent first; only those of contacts
     * with {@code tag} when one is given. {@code total} is exact up to {@link #COUNTED_PAST_THE_PAGE} past the page's
     * end; beyond, {@code totalCapped} is true and total is that bound.
     */
    public Future<JsonObject> agenda(Member member, String range, String tag, int limit, int offset) {
        String tagKey = TagFilter.key(tag);
        long countUpTo = (long) offset + limit + COUNTED_PAST_THE_PAGE;
        Future<RowSet<Row>> policyRead = pool.preparedQuery("select policy from team where id = $1").execute(Tuple.of(member.teamId()));
        // sent with the policy's read, so choosing the plan costs no round trip
        Future<Long> tagSize = tagKey == null ? Future.succeededFuture(0L)
                : pool.preparedQuery(TAG_SIZE).execute(Tuple.of(member.teamId(), tagKey, BROAD_TAG))
                        .map(rows -> rows.iterator().next().getLong(0));
        return Future.all(policyRead, tagSize).compose(read -> {
            TeamPolicy policy = TeamPolicies.parse((JsonObject) policyRead.result().iterator().next().getValue("policy"));
            LocalDate today = LocalDate.now(policy.timeZone());
            LocalDate last = "week".equals(range) ? today.plusDays(7 - today.getDayOfWeek().getValue()) : today;
            OffsetDateTime until = last.plusDays(1).atStartOfDay(policy.timeZone()).toOffsetDateTime();
            if (tagKey == null) {
                return pool.preparedQuery(AGENDA).execute(Tuple.of(member.teamId(), until, limit, offset, countUpTo));
            }
            String sql = tagSize.result() >= BROAD_TAG ? AGENDA_BROAD_TAG : AGENDA_TAGGED;
            return pool.preparedQuery(sql).execute(Tuple.of(member.teamId(), until, limit, offset, countUpTo, tagKey));
        }).map(rows -> agendaPage(rows, countUpTo));
    }

    /**
     * The agenda's answer from the rows of {@code agenda.sql}, whose count stopped at {@code countUpTo}: also what
     * the benchmark's bare endpoint answers, so the two send the same JSON.
     */
    public static JsonObject agendaPage(Iterable<Row> rows, long countUpTo) {
        JsonArray items = new JsonArray();
        long total = 0;
        for (Row r : rows) {
            total = r.getLong("total");
            items.add(new JsonObject().put("contactId", r.getUUID("party_id").toString())
                    .put("displayName", r.getString("full_name")).put("company", r.getString("company"))
                    .put("rule", r.getString("rule_id")).put("action", r.getString("action"))
                    .put("channel", r.getString("channel")).put("dueAt", r.getOffsetDateTime("due_at").toInstant().toString())
                    .put("priority", r.getShort("priority")).put("reason", r.getString("reason"))
                    .put("touchedBy", r.getString("touched_by")));
        }
        return new JsonObject().put("items", items).put("total", total).put("totalCapped", total >= countUpTo);
    }

    public Future<JsonObject> policy(Member member) {
        return pool.preparedQuery("select policy from team where id = $1").execute(Tuple.of(member.teamId()))
                .map(rows -> TeamPolicies.parse((JsonObject) rows.iterator().next().getValue("policy")).toJson());
    }

    /** Replaces the team policy (admins only), then recomputes every suggestion of the team. */
    public Future<JsonObject> updatePolicy(Member admin, JsonObject body) {
        admin.requireAdmin("Only a team admin can change the team policy");
        TeamPolicy policy;
        try {
            policy = TeamPolicy.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(422, "invalid_policy", e.getMessage());
        }
        JsonObject stored = policy.toJson();
        return pool.withTransaction(tx -> tx.preparedQuery("update team set policy = $2 where id = $1")
                        .execute(Tuple.of(admin.teamId(), stored))
                        .compose(v -> AuditLog.record(tx, admin, "policy.updated", stored)))
                .compose(v -> recomputeTeam(admin.teamId()))
                .map(stored);
    }

    static RelationshipType relationship(String value) {
        try {
            return RelationshipType.valueOf(value.toUpperCase());
        } catch (RuntimeException e) {
            return RelationshipType.OTHER;
        }
    }

    record Inputs(ContactFacts facts, List<Interaction> interactions, TeamPolicy policy, SuggestionState state, Double fitScore) {
    }
}
