package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.api.CpuWork;
import dev.seguito.db.PgErrors;
import dev.seguito.identity.IdentityResolver;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.parse.ParsedPerson;
import dev.seguito.team.Member;
import dev.seguito.team.TeamMailboxes;
import dev.seguito.touch.FitScorer;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Bulk imports through the same identity resolution and merge as captures. The job answers at once (202) and runs
 * in batches; each batch commits with its progress counters, so progress is exact, a retried upload (same key) starts
 * nothing new, and a job interrupted by a restart resumes with the batches it had not committed.
 */
public final class ImportService {

    private static final Logger LOG = LoggerFactory.getLogger(ImportService.class);
    static final int BATCH = 250;
    static final int PARALLEL_BATCHES = 3;
    private static final int MAX_ERRORS_KEPT = 100;

    private final CpuWork cpu;
    private final Pool pool;
    private final CaptureProcessor processor;
    private final boolean bulkNewPeople;

    public ImportService(CpuWork cpu, Pool pool, CaptureProcessor processor) {
        this(cpu, pool, processor, true);
    }

    /**
     * @param bulkNewPeople create the rows that match nobody set-based ({@link NewPeopleInBulk}); false sends every
     *                      row through the capture path, which tests use as the reference
     */
    ImportService(CpuWork cpu, Pool pool, CaptureProcessor processor, boolean bulkNewPeople) {
        this.cpu = cpu;
        this.pool = pool;
        this.processor = processor;
        this.bulkNewPeople = bulkNewPeople;
    }

    public Future<JsonObject> start(Member member, JsonObject body) {
        String format = body.getValue("format") instanceof String f ? f : "";
        if (!format.equals("linkedin_csv") && !format.equals("vcard")) {
            throw ApiError.badRequest("\"format\" must be \"linkedin_csv\" or \"vcard\"");
        }
        String content = body.getValue("content") instanceof String c ? c : null;
        if (content == null || content.isBlank()) {
            throw ApiError.badRequest("\"content\" (the file's text) is required");
        }
        String key = body.getValue("idempotencyKey") instanceof String k && !k.isBlank() && k.length() <= 200 ? k : null;
        if (key == null) {
            throw ApiError.badRequest("\"idempotencyKey\" is required (1 to 200 characters)");
        }
        UUID id = UUID.randomUUID();
        return pool.preparedQuery("""
                        insert into import_job (id, team_id, member_id, format, idempotency_key, content)
                        values ($1, $2, $3, $4, $5, $6) on conflict (team_id, idempotency_key) do nothing""")
                .execute(Tuple.of(id, member.teamId(), member.id(), format, key, content))
                .compose(rows -> {
                    if (rows.rowCount() == 1) {
                        run(id);
                        return status(member.teamId(), id);
                    }
                    return pool.preparedQuery("select id from import_job where team_id = $1 and idempotency_key = $2")
                            .execute(Tuple.of(member.teamId(), key))
                            .compose(existing -> status(member.teamId(), existing.iterator().next().getUUID(0)));
                });
    }

    public Future<JsonObject> status(UUID teamId, UUID id) {
        return pool.preparedQuery("""
                        select id, format, status, total, batches, created, matched, updated, duplicates, failed, errors,
                               created_at, finished_at,
                               (select count(*) from import_batch b where b.import_id = j.id) as done_batches
                          from import_job j where id = $1 and team_id = $2""")
                .execute(Tuple.of(id, teamId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiError.notFound("No such import in your team");
                    }
                    Row r = rows.iterator().next();
                    int processed = r.getInteger("created") + r.getInteger("matched") + r.getInteger("updated")
                            + r.getInteger("duplicates");
                    return new JsonObject().put("id", r.getUUID("id").toString()).put("format", r.getString("format"))
                            .put("status", r.getString("status")).put("total", r.getInteger("total"))
                            .put("processed", processed).put("created", r.getInteger("created"))
                            .put("matched", r.getInteger("matched")).put("updated", r.getInteger("updated"))
                            .put("possibleDuplicates", r.getInteger("duplicates")).put("failed", r.getInteger("failed"))
                            .put("errors", r.getValue("errors"))
                            .put("startedAt", r.getOffsetDateTime("created_at").toInstant().toString())
                            .put("finishedAt", r.getOffsetDateTime("finished_at") == null ? null
                                    : r.getOffsetDateTime("finished_at").toInstant().toString());
                });
    }

    /** Resumes the jobs a previous process left running. */
    public Future<Void> resumeUnfinished() {
        return pool.query("select id from import_job where status = 'running'").execute().map(rows -> {
            rows.forEach(r -> run(r.getUUID(0)));
            return null;
        });
    }

    private void run(UUID jobId) {
        process(jobId).onFailure(e -> LOG.warn("Import {} paused: {} (it resumes at the next start)", jobId, e.getMessage()));
    }

    Future<Void> process(UUID jobId) {
        return pool.preparedQuery("""
                        select j.format, j.content, j.team_id, t.name as team_name, m.id as member_id, m.name, m.email, m.role
                          from import_job j join team_member m on m.id = j.member_id join team t on t.id = j.team_id
                         where j.id = $1 and j.status = 'running'""")
                .execute(Tuple.of(jobId))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.succeededFuture();
                    }
                    Row r = rows.iterator().next();
                    Member member = new Member(r.getUUID("member_id"), r.getUUID("team_id"), r.getString("team_name"),
                            r.getString("name"), r.getString("email"), r.getString("role"), null);
                    String content = r.getString("content");
                    return cpu.run(() -> parse(r.getString("format"), content))
                            .compose(parsed -> pool.preparedQuery("""
                                            update import_job set total = $2, batches = $3, failed = $4,
                                                   errors = $5 where id = $1 and batches = 0""")
                                    .execute(Tuple.of(jobId, parsed.rows().size(), batches(parsed.rows().size()),
                                            parsed.errors().size(), errors(parsed.errors())))
                                    .compose(v -> runBatches(jobId, member, origin(r.getString("format")), parsed.rows())))
                            .compose(v -> pool.preparedQuery("""
                                            update import_job set status = 'done', finished_at = now(), content = null
                                             where id = $1 and status = 'running'""")
                                    .execute(Tuple.of(jobId)).mapEmpty());
                });
    }

    private static ImportFormats.Rows parse(String format, String content) {
        if ("vcard".equals(format)) {
            return VCardImport.read(content);
        }
        return ImportFormats.linkedinConnections(content);
    }

    private static int batches(int rows) {
        return (rows + BATCH - 1) / BATCH;
    }

    /** A few batches at once: each is one transaction, so the pool's other connections stay free for the API. */
    /** A member's own LinkedIn export is as current as their profile pages; a vCard only fills gaps. */
    private static CaptureProcessor.Origin origin(String format) {
        return new CaptureProcessor.Origin(format, "linkedin_csv".equals(format));
    }

    private Future<Void> runBatches(UUID jobId, Member member, CaptureProcessor.Origin origin, List<ImportFormats.Row> rows) {
        int count = batches(rows.size());
        AtomicInteger next = new AtomicInteger();
        List<Future<Void>> lanes = new ArrayList<>();
        for (int lane = 0; lane < Math.min(PARALLEL_BATCHES, count); lane++) {
            lanes.add(lane(jobId, member, origin, rows, count, next));
        }
        return Future.all(lanes).mapEmpty();
    }

    private Future<Void> lane(UUID jobId, Member member, CaptureProcessor.Origin origin, List<ImportFormats.Row> rows,
                              int count, AtomicInteger next) {
        int batchNo = next.getAndIncrement();
        if (batchNo >= count) {
            return Future.succeededFuture();
        }
        List<ImportFormats.Row> slice = rows.subList(batchNo * BATCH, Math.min(rows.size(), (batchNo + 1) * BATCH));
        return batch(jobId, member, origin, batchNo, slice, 1)
                .compose(v -> Integer.bitCount(batchNo + 1) == 1 ? refreshStatistics() : Future.succeededFuture())
                .compose(v -> lane(jobId, member, origin, rows, count, next));
    }

    /**
     * ANALYZE of the tables an import grows, after batches 1, 2, 4, 8 … Autovacuum would get there only after the
     * import: meanwhile the planner still believes the team's tables are as small as before and scans them whole
     * for identity look-ups and next-touch reads (measured in one lane: the identity split 3x slower, next-touch reads
     * 1.3x; docs/benchmarks.md). PostgreSQL's advice for bulk loads is the same. Best effort: a user who may not
     * analyze just imports more slowly.
     */
    private Future<Void> refreshStatistics() {
        return pool.query("""
                        analyze party, person, party_group, party_relationship, contact_mech, party_contact_mech,
                                field_provenance, communication_event, communication_event_party, next_touch, outbox""")
                .execute()
                .<Void>mapEmpty()
                .recover(e -> {
                    LOG.debug("Could not refresh table statistics during an import: {}", e.getMessage());
                    return Future.succeededFuture();
                });
    }

    private Future<Void> batch(UUID jobId, Member member, CaptureProcessor.Origin origin, int batchNo,
                               List<ImportFormats.Row> rows, int attempt) {
        List<ParsedPerson> people = rows.stream().map(ImportFormats.Row::person).toList();
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                insert into import_batch (import_id, team_id, batch_no) values ($1, $2, $3)
                                on conflict do nothing""")
                        .execute(Tuple.of(jobId, member.teamId(), batchNo))
                        .compose(claimed -> {
                            if (claimed.rowCount() == 0) {
                                return Future.succeededFuture(); // another process, or an earlier run, committed it
                            }
                            return resolve(tx, member, origin, people)
                                    .compose(results -> connections(tx, member, rows, results).map(results))
                                    .compose(results -> tags(tx, member, rows, results).map(results))
                                    .compose(results -> processor.afterChange(tx, member.teamId(), partyIds(results)).map(results))
                                    .compose(results -> count(tx, jobId, results));
                        }))
                .recover(e -> {
                    if ((PgErrors.isRetryable(e) || PgErrors.isUniqueViolation(e)) && attempt < 5) {
                        return batch(jobId, member, origin, batchNo, rows, attempt + 1);
                    }
                    if (e instanceof io.vertx.pgclient.PgException) {
                        // the database refused these rows for good: report them and carry on with the rest
                        LOG.warn("Import {} batch {} failed: {}", jobId, batchNo, e.getMessage());
                        return failedBatch(jobId, member, batchNo, rows, e.getMessage());
                    }
                    return Future.failedFuture(e); // e.g. the database is unreachable: resume at the next start
                });
    }

    private Future<Void> failedBatch(UUID jobId, Member member, int batchNo, List<ImportFormats.Row> rows, String reason) {
        String error = "lines " + rows.get(0).line() + "–" + rows.get(rows.size() - 1).line() + " not imported: " + reason;
        return pool.withTransaction(tx -> tx.preparedQuery("""
                        insert into import_batch (import_id, team_id, batch_no) values ($1, $2, $3) on conflict do nothing""")
                .execute(Tuple.of(jobId, member.teamId(), batchNo))
                .compose(claimed -> claimed.rowCount() == 0 ? Future.succeededFuture() : tx.preparedQuery("""
                                update import_job set failed = failed + $2, errors = errors || jsonb_build_array($3::text)
                                 where id = $1""")
                        .execute(Tuple.of(jobId, rows.size(), error)).mapEmpty()));
    }

    /** The contacts of a batch, once each, in row order. */
    private static List<UUID> partyIds(List<CaptureProcessor.PersonResult> results) {
        return results.stream().filter(Objects::nonNull).map(CaptureProcessor.PersonResult::partyId).distinct().toList();
    }

    /**
     * What became of each row (null for a row skipped as a colleague of the team): people nobody has met are created
     * in bulk first, then the rest resolve and merge one by one as captures do. Next touches are recomputed by the
     * caller once the batch's "Connected on LinkedIn" events exist, because they date the relationship.
     */
    private Future<List<CaptureProcessor.PersonResult>> resolve(SqlConnection tx, Member member,
                                                                 CaptureProcessor.Origin origin, List<ParsedPerson> people) {
        Instant now = Instant.now();
        return TeamMailboxes.read(tx, member, List.of()).compose(mailboxes -> split(tx, member.teamId(), people, mailboxes)
                .compose(split -> NewPeopleInBulk.create(tx, member, origin, split.unknown().stream().map(people::get).toList(), now)
                        .compose(ids -> {
                            CaptureProcessor.PersonResult[] byRow = new CaptureProcessor.PersonResult[people.size()];
                            for (int i = 0; i < ids.size(); i++) {
                                byRow[split.unknown().get(i)] = new CaptureProcessor.PersonResult(ids.get(i),
                                        CaptureProcessor.MatchStatus.NEW, Optional.empty());
                            }
                            List<ParsedPerson> others = split.others().stream().map(people::get).toList();
                            if (others.isEmpty()) {
                                return Future.succeededFuture(Arrays.asList(byRow));
                            }
                            return processor.apply(tx, member, null, origin, capture(others), now, mailboxes)
                                    .map(outcome -> alignedWithRows(people, split.others(), outcome, mailboxes, byRow));
                        })));
    }

    /** With the bulk path off, every row is one of the "others" the capture path resolves one by one. */
    private Future<NewPeopleInBulk.Split> split(SqlConnection tx, UUID teamId, List<ParsedPerson> people, TeamMailboxes mailboxes) {
        if (!bulkNewPeople) {
            return Future.succeededFuture(new NewPeopleInBulk.Split(List.of(),
                    IntStream.range(0, people.size()).boxed().toList()));
        }
        return IdentityResolver.lockAll(tx, teamId, people)
                .compose(locked -> NewPeopleInBulk.split(tx, teamId, people, mailboxes));
    }

    private static ParsedCapture capture(List<ParsedPerson> people) {
        return new ParsedCapture(CaptureSource.LINKEDIN_PROFILE, people, List.of(), null, List.of());
    }

    /** The processor answers only for the people it kept (no automated senders, no colleagues): put them back in row order. */
    private static List<CaptureProcessor.PersonResult> alignedWithRows(List<ParsedPerson> people, List<Integer> sent,
                                                                       CaptureProcessor.Outcome outcome, TeamMailboxes mailboxes,
                                                                       CaptureProcessor.PersonResult[] byRow) {
        Iterator<CaptureProcessor.PersonResult> results = outcome.people().iterator();
        for (int row : sent) {
            ParsedPerson p = people.get(row);
            if (!p.automated() && !CaptureProcessor.isTeamMember(p, mailboxes)) {
                byRow[row] = results.next();
            }
        }
        return Arrays.asList(byRow);
    }

    /** "Connected On" is a touch too: the 24/7/30 step "connect on LinkedIn" is done, and it dates the relationship. */
    private static Future<Void> connections(SqlConnection tx, Member member, List<ImportFormats.Row> rows,
                                            List<CaptureProcessor.PersonResult> results) {
        List<UUID> eventIds = new ArrayList<>();
        List<String> messageIds = new ArrayList<>();
        List<OffsetDateTime> connectedOn = new ArrayList<>();
        List<UUID> partyIds = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ImportFormats.Row row = rows.get(i);
            if (row.connectedOn() == null || row.person().linkedinSlug() == null || results.get(i) == null) {
                continue;
            }
            // one event per member and connection, whatever file or batch it comes from
            String messageId = "li-connection:" + member.id() + ":" + row.person().linkedinSlug();
            eventIds.add(UUID.nameUUIDFromBytes((member.teamId() + ":" + messageId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            messageIds.add(messageId);
            connectedOn.add(OffsetDateTime.ofInstant(row.connectedOn(), ZoneOffset.UTC));
            partyIds.add(results.get(i).partyId());
        }
        if (eventIds.isEmpty()) {
            return Future.succeededFuture();
        }
        UUID[] events = eventIds.toArray(new UUID[0]);
        return tx.preparedQuery("""
                        insert into communication_event (id, team_id, event_type, direction, member_id, subject, message_id, started_at)
                        select id, $1, 'LINKEDIN_CONNECTION', 'NONE', $2, 'Connected on LinkedIn', message_id, started_at
                          from unnest($3::uuid[], $4::text[], $5::timestamptz[]) as c(id, message_id, started_at)
                        on conflict do nothing""")
                .execute(Tuple.from(new Object[]{member.teamId(), member.id(), events, messageIds.toArray(new String[0]),
                        connectedOn.toArray(new OffsetDateTime[0])}))
                .compose(v -> tx.preparedQuery("""
                                insert into communication_event_party (event_id, party_id, team_id, role)
                                select l.event_id, l.party_id, $1, 'PARTICIPANT'
                                  from unnest($2::uuid[], $3::uuid[]) as l(event_id, party_id)
                                 where exists (select 1 from communication_event e where e.id = l.event_id)
                                on conflict do nothing""")
                        .execute(Tuple.from(new Object[]{member.teamId(), events, partyIds.toArray(new UUID[0])})))
                .mapEmpty();
    }

    /** A file's tags are added to the person's, never in place of them: an import only fills gaps. */
    private static Future<Void> tags(SqlConnection tx, Member member, List<ImportFormats.Row> rows,
                                     List<CaptureProcessor.PersonResult> results) {
        List<UUID> partyIds = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (results.get(i) != null) {
                for (String tag : rows.get(i).tags()) {
                    partyIds.add(results.get(i).partyId());
                    tags.add(tag);
                }
            }
        }
        if (tags.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery("""
                        insert into party_tag (team_id, party_id, tag, tag_key, added_by)
                        select $1, party_id, tag, tag_key, $2
                          from unnest($3::uuid[], $4::text[], $5::text[]) as t(party_id, tag, tag_key)
                        on conflict do nothing""")
                .execute(Tuple.from(new Object[]{member.teamId(), member.id(), partyIds.toArray(new UUID[0]),
                        tags.toArray(new String[0]), tags.stream().map(FitScorer::key).toArray(String[]::new)}))
                .mapEmpty();
    }

    private static Future<Void> count(SqlConnection tx, UUID jobId, List<CaptureProcessor.PersonResult> results) {
        Map<CaptureProcessor.MatchStatus, Long> counts = results.stream().filter(java.util.Objects::nonNull).collect(
                java.util.stream.Collectors.groupingBy(CaptureProcessor.PersonResult::status, java.util.stream.Collectors.counting()));
        Function<CaptureProcessor.MatchStatus, Integer> n = s -> counts.getOrDefault(s, 0L).intValue();
        return tx.preparedQuery("""
                        update import_job set created = created + $2, matched = matched + $3, updated = updated + $4,
                               duplicates = duplicates + $5 where id = $1""")
                .execute(Tuple.of(jobId, n.apply(CaptureProcessor.MatchStatus.NEW), n.apply(CaptureProcessor.MatchStatus.MATCHED),
                        n.apply(CaptureProcessor.MatchStatus.UPDATED), n.apply(CaptureProcessor.MatchStatus.POSSIBLE_DUPLICATE)))
                .mapEmpty();
    }

    private static JsonArray errors(List<String> errors) {
        JsonArray out = new JsonArray();
        errors.stream().limit(MAX_ERRORS_KEPT).forEach(out::add);
        if (errors.size() > MAX_ERRORS_KEPT) {
            out.add("… and " + (errors.size() - MAX_ERRORS_KEPT) + " more");
        }
        return out;
    }
}
